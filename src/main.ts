import { mount } from 'svelte';
import App from './App.svelte';
import { openDataset } from './state/database.svelte.ts';
import './styles.css';

document.documentElement.dataset.status = 'loading';
mount(App, { target: document.getElementById('app')! });
void openDataset();
