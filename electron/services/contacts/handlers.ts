import type { HandlersFor } from '../context';
import {
  archiveContact,
  createContact,
  createContactPerson,
  deleteContact,
  deleteContactPerson,
  getContact,
  listContacts,
  updateContact,
  updateContactPerson,
} from './contacts';

/** Partners (samarbeidspartnere) and their contact people. */
export const contactsHandlers: HandlersFor<'contacts'> = {
  'contacts:list': listContacts,
  'contacts:get': getContact,
  'contacts:create': createContact,
  'contacts:update': updateContact,
  'contacts:archive': archiveContact,
  'contacts:delete': deleteContact,
  'contacts:add-person': createContactPerson,
  'contacts:update-person': updateContactPerson,
  'contacts:delete-person': deleteContactPerson,
};
