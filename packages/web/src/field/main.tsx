import 'bootstrap/dist/css/bootstrap.min.css';
import './field.css';
import './field-wizard.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FieldApp } from './app';

const root = document.getElementById('root');
if (!root) throw new Error('#root element missing from field.html');
createRoot(root).render(
  <StrictMode>
    <FieldApp />
  </StrictMode>,
);
