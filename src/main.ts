import { mount } from 'svelte';
import App from './App.svelte';
import { applyRememberedPreferences } from './state/preferences.ts';
import './styles/app.css';

applyRememberedPreferences();
mount(App, { target: document.getElementById('app')! });
