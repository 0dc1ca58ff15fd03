import '@renderer/lib/zodSetup';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

const container = document.getElementById('root');
if (!container) throw new Error('Fant ikke #root i index.html');

// The app (and with it every contract schema) is imported only after zodSetup has run: in a split build
// a statically imported chunk would be evaluated first and build its schemas with jit (CSP: no eval).
void import('@renderer/app/App').then(({ App }) =>
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
