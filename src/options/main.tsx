import * as z from 'zod/mini';
import { render } from 'preact';
import { App } from './App.tsx';
import './options.css';

// MV3's content security policy forbids the `new Function` probe zod runs by default.
z.config({ jitless: true });

const root = document.getElementById('app');
if (root) render(<App />, root);
