import { contextBridge, ipcRenderer } from 'electron';
import { createApi } from './api';

// The renderer gets one function and nothing else: no ipcRenderer, no send, no Node.
contextBridge.exposeInMainWorld('api', createApi(ipcRenderer));
