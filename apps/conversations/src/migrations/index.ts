import { InitialConversations1763800000100 } from './1763800000100-initial-conversations';
import { ConversationActions1763800000200 } from './1763800000200-conversation-actions';

export const CONVERSATIONS_MIGRATIONS = [InitialConversations1763800000100, ConversationActions1763800000200];
