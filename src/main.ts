import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { prefetchDataset } from './lib/data/fetch-dataset';
import { readBriefing } from './lib/export/briefing-data';

// The data is on its way before the app mounts (index.html preloads it too): the charts draw
// as soon as it arrives. A briefing file carries its own data.
if (!readBriefing()) prefetchDataset(new URL('data/', document.baseURI).href);

const target = document.getElementById('app');
if (!target) throw new Error('Dialogue Atlas: the page has no #app element to mount into.');
target.replaceChildren();
export default mount(App, { target });
