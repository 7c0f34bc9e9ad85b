import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Dialogue Atlas: the page has no #app element to mount into.');
target.replaceChildren();
export default mount(App, { target });
