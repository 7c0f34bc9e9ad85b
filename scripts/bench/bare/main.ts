import { mount } from 'svelte';
import Bare from './Bare.svelte';

// The reference for `npm run bench`: the least a Svelte page built with our tools does before it paints.
mount(Bare, { target: document.getElementById('app')! });
