import { createContext, useContext } from 'hono/jsx';
import type { Messages } from './messages.ts';

/** The request's dictionary for the views it renders; `renderPage` provides it. */
export const MessagesContext = createContext<Messages | undefined>(undefined);

/**
 * The request's dictionary, in a view. Only while a page is rendered: a view rendered outside
 * `renderPage`/`renderFragment` has no language, and says so at once rather than fall back silently.
 */
export function useT(): Messages {
  const messages = useContext(MessagesContext);
  if (!messages) throw new Error('useT() outside a render: render through renderPage or renderFragment');
  return messages;
}
