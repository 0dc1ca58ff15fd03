import { useState } from 'react';
import type { BackupDto, RestoreResultDto } from '@shared/contract';
import { errorMessage } from './api';
import { useApiMutation } from './query';

/** Choosing a backup, confirming, restoring: the same steps in the settings and on the recovery screen. */
export function useRestoreBackup(backups: readonly BackupDto[]) {
  const restore = useApiMutation('backups:restore');
  const [selected, setSelected] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<RestoreResultDto | null>(null);
  const chosen = backups.find((backup) => backup.fileName === selected && backup.intact) ?? null;

  return {
    selected: chosen?.fileName ?? null,
    select: (fileName: string) => {
      setSelected(fileName);
      setResult(null);
    },
    chosen,
    confirming: confirming ? chosen : null,
    askToConfirm: () => {
      setError(null);
      setConfirming(true);
    },
    cancel: () => setConfirming(false),
    pending: restore.isPending,
    error,
    result,
    confirm: async () => {
      if (!chosen) return;
      setError(null);
      try {
        setResult(await restore.mutateAsync({ fileName: chosen.fileName }));
        setConfirming(false);
        setSelected(null);
      } catch (failure) {
        setError(errorMessage(failure));
      }
    },
  };
}
