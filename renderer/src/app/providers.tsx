import { FluentProvider, makeStaticStyles, webLightTheme } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from '@renderer/lib/query';

const useGlobalStyles = makeStaticStyles({
  'html, body, #root': { margin: 0, padding: 0, height: '100%' },
});

export function AppProviders({ children }: { children: ReactNode }) {
  useGlobalStyles();
  const [queryClient] = useState(createQueryClient);
  return (
    <FluentProvider theme={webLightTheme}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </FluentProvider>
  );
}
