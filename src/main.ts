import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import { shellPainted } from './app-shell/shell-painted';
import { prefetchDataset } from './lib/data/fetch-dataset';
import { readBriefing } from './lib/export/briefing-data';

// The data is on its way before the app mounts (index.html preloads it too): the charts draw
// as soon as it arrives. A briefing file carries its own data.
if (!readBriefing()) prefetchDataset(new URL('data/', document.baseURI).href);

// A lazily loaded part whose code cannot be fetched (the site was updated since this page opened,
// or the connection dropped) says so in its place, with Reload: each {#await} over an import has a
// {:catch} (PartFailed), and code loaded for a button says so beside it. No 'vite:preloadError'
// handler reloads the page by itself: that would throw away an upload under review, and a reload
// that fails the same way would go round again; a reader's Reload, once, does neither.
const target = document.getElementById('app');
if (!target) throw new Error('Dialogue Atlas: the page has no #app element to mount into.');
// The first frame's paint is counted before the app's identical header takes its place.
void shellPainted(document.getElementById('app-shell')).then(() => {
  target.replaceChildren();
  mount(App, { target });
});
