import { InitialConversations1763800000100 } from './1763800000100-initial-conversations';

export const CONVERSATIONS_MIGRATIONS = [InitialConversations1763800000100];
