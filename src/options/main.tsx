import * as z from 'zod/mini';
import { render } from 'preact';
import { App } from './App.tsx';
import { createBrowserInstancesConnector } from './instances-connector.ts';
import { createBrowserConnector } from './connector.ts';
import './options.css';

// MV3's content security policy forbids the `new Function` probe zod runs by default.
z.config({ jitless: true });

const root = document.getElementById('app');
if (root)
  render(<App connector={createBrowserConnector()} instances={createBrowserInstancesConnector()} />, root);
