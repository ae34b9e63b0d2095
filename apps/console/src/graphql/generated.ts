/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> =
  T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AccountRole = 'CARE' | 'ENGAGEMENT';

export type AgentRole = 'ADMIN' | 'AGENT' | 'SUPERVISOR';

export type AgentStatus = 'AWAY' | 'OFFLINE' | 'ONLINE';

/** X API tier: below ENTERPRISE, public replies need an @mention. */
export type ApiTier = 'BASIC' | 'ENTERPRISE' | 'FREE' | 'PAY_PER_USE' | 'PRO';

export type AssignmentStatus = 'ASSIGNED' | 'SNOOZED' | 'WAITING';

export type CaseLinkKind = 'MERGED_FROM' | 'MERGED_INTO' | 'SPLIT_FROM' | 'SPLIT_TO';

/** Why another conversation looks like the same case: another X thread, the brand’s other handle, a DM, or a quote of this one. */
export type CaseSuggestionReason = 'DM' | 'OTHER_HANDLE' | 'OTHER_THREAD' | 'QUOTE';

/** A public reply on X, or a direct message. */
export type Channel = 'DM' | 'PUBLIC';

/** Limits per channel, each at most the capacity; null or absent: no limit. */
export type ChannelCapacityInput = {
  dm?: number | null | undefined;
  public?: number | null | undefined;
};

export type ConversationFilter = {
  assigneeId?: string | null | undefined;
  channel?: Channel | null | undefined;
  queueId?: string | null | undefined;
  status?: Array<ConversationStatus> | null | undefined;
};

export type ConversationOrder =
  /** Latest message first. */
  | 'RECENT'
  /** Highest priority first, then longest open: the inbox order. */
  | 'URGENT';

export type ConversationStatus = 'ASSIGNED' | 'RESOLVED' | 'SNOOZED' | 'WAITING';

export type CreateAgentInput = {
  capacity?: number;
  channelCapacity?: ChannelCapacityInput | null | undefined;
  email: string;
  /** 1–4 letters, the signature on public replies. */
  initials: string;
  languages?: Array<string>;
  name: string;
  queueIds?: Array<string>;
  role?: AgentRole;
  /** IANA zone. */
  timezone?: string;
};

/** EXCLUSION values: `from:<handle>`, `is:retweet`, or a keyword/phrase. */
export type ListeningRuleKind =
  'EXCLUSION' | 'HANDLE' | 'HASHTAG' | 'KEYWORD' | 'MISSPELLING' | 'PHRASE' | 'PURCHASE_INTENT';

export type MeasureSource = 'DEFAULT' | 'MEASURED';

export type MediaType = 'ANIMATED_GIF' | 'PHOTO' | 'VIDEO';

export type MessageDirection = 'INBOUND' | 'OUTBOUND';

/** DELETED_BY_AUTHOR: the author deleted the tweet. AUTHOR_WITHDRAWN: the author protected, deleted or lost the account. */
export type MessageRedaction = 'AUTHOR_WITHDRAWN' | 'DELETED_BY_AUTHOR';

export type MessageStatus = 'FAILED' | 'PENDING' | 'RECEIVED' | 'SENT';

export type MetricsReport = 'HEATMAP' | 'STAFFING' | 'SUMMARY';

export type PresenceState = 'LEFT' | 'TYPING' | 'VIEWING';

export type QueueConfigInput = {
  businessHours?: Array<WeeklySlotInput> | null | undefined;
  /** A queue of your brand; null clears it. */
  escalationQueueId?: string | null | undefined;
  /** Hard lock: only the assignee answers (reply, DM, move to DM, resolve with follow-up); supervisors take over first. */
  hardLock?: boolean | null | undefined;
  id?: string | null | undefined;
  name?: string | null | undefined;
  relaxLanguageAfterMinutes?: number | null | undefined;
  /** Minutes; 0 turns reopening off. */
  reopenWindowMinutes?: number | null | undefined;
  slaBreachAction?: SlaBreachAction | null | undefined;
  slaTargets?: Array<SlaTargetInput> | null | undefined;
  slaWarnPriorityBoost?: number | null | undefined;
  slaWarnRatio?: number | null | undefined;
  stickyWindowMinutes?: number | null | undefined;
  strategy?: RoutingStrategy | null | undefined;
  team?: Team | null | undefined;
  timezone?: string | null | undefined;
  /** Added to a VIP customer’s priority in this queue (capped at 100); 20 for a new queue. */
  vipPriorityBoost?: number | null | undefined;
};

export type QueueHoursInput = {
  hours: string;
  /** A queue id of your brand, or `default`. */
  queueId: string;
};

export type QueueUpdateReason =
  'CONVERSATION_ASSIGNED' | 'CONVERSATION_ROUTED' | 'CONVERSATION_UPDATED' | 'MESSAGE_SENT' | 'SNAPSHOT';

/** How the brand may answer, under X’s reply policy. */
export type ReplyPath = 'DM' | 'OPEN_IN_X' | 'PUBLIC' | 'QUOTE';

/** Every id must belong to your brand; agents may filter on themselves only. */
export type ReportFilter = {
  agentIds?: Array<string> | null | undefined;
  channels?: Array<Channel> | null | undefined;
  languages?: Array<string> | null | undefined;
  queueIds?: Array<string> | null | undefined;
};

/** Rows of a summary: one per queue, agent, language, channel or local day/week/month. */
export type ReportGroupBy = 'AGENT' | 'CHANNEL' | 'DAY' | 'LANGUAGE' | 'MONTH' | 'NONE' | 'QUEUE' | 'WEEK';

/** `from`/`to`: ISO dates (local midnight in `timezone`) or ISO instants; `to` is exclusive. */
export type ReportRange = {
  /** e.g. `2026-03-01` */
  from: string;
  /** IANA name, e.g. `Europe/Paris`. */
  timezone: string;
  /** e.g. `2026-04-01` (exclusive) */
  to: string;
};

export type RoutingRuleConditionsInput = {
  accountHandles?: Array<string> | null | undefined;
  accountRoles?: Array<AccountRole> | null | undefined;
  intents?: Array<string> | null | undefined;
  keywords?: Array<string> | null | undefined;
  languages?: Array<string> | null | undefined;
  matchedRuleIds?: Array<string> | null | undefined;
  minFollowers?: number | null | undefined;
  sentiments?: Array<string> | null | undefined;
  sources?: Array<string> | null | undefined;
  /** True: only VIP customers; false: only the others; absent: anyone. */
  vip?: boolean | null | undefined;
};

export type RoutingRuleInput = {
  conditions?: RoutingRuleConditionsInput;
  enabled?: boolean;
  name: string;
  priorityBoost?: number;
  queueId: string;
  tags?: Array<string>;
};

/** How a queue picks among eligible agents. */
export type RoutingStrategy = 'LEAST_LOADED' | 'ROUND_ROBIN';

export type ScheduleExceptionInput = {
  from: string;
  kind: ScheduleExceptionKind;
  to: string;
};

export type ScheduleExceptionKind = 'HOLIDAY' | 'LEAVE';

export type ScheduleSource = 'REQUEST' | 'ROUTING_SHIFTS' | 'UNKNOWN';

export type Sentiment = 'NEGATIVE' | 'NEUTRAL' | 'POSITIVE';

/** What routing did about it, per the queue’s policy. */
export type SlaAlertAction = 'ESCALATED' | 'NONE' | 'PRIORITY_RAISED' | 'REASSIGNED';

/** WARNING: the queue’s warning point passed; BREACH: the first-response target passed. */
export type SlaAlertKind = 'BREACH' | 'WARNING';

/** What happens to a conversation whose SLA target passes unanswered. */
export type SlaBreachAction = 'ESCALATE' | 'NONE' | 'REASSIGN';

export type SlaTargetInput = {
  minPriority: number;
  minutes: number;
};

/** Defaults: 0.8 within the brand SLA, mean agent capacity, shifts from routing. */
export type StaffingOptions = {
  /** Conversations per agent at once. */
  concurrency?: number | null | undefined;
  queueIds?: Array<string> | null | undefined;
  /** Agents scheduled per hour of week: 168 values, Monday 00h first. */
  scheduled?: Array<number> | null | undefined;
  /** Share answered within targetSeconds, 0 < x < 1. */
  serviceLevel?: number | null | undefined;
  targetSeconds?: number | null | undefined;
};

export type Team = 'CARE' | 'SALES';

export type UpdateAgentInput = {
  capacity?: number | null | undefined;
  /** Replaces both limits; `{}` clears them. */
  channelCapacity?: ChannelCapacityInput | null | undefined;
  email?: string | null | undefined;
  initials?: string | null | undefined;
  languages?: Array<string> | null | undefined;
  name?: string | null | undefined;
  queueIds?: Array<string> | null | undefined;
  role?: AgentRole | null | undefined;
  timezone?: string | null | undefined;
};

export type WeeklySlotInput = {
  day: number;
  end: string;
  start: string;
};

export type ManagedAgentFieldsFragment = {
  id: string;
  name: string;
  initials: string;
  email: string;
  role: AgentRole;
  languages: Array<string>;
  queueIds: Array<string>;
  timezone: string;
  status: AgentStatus;
  capacity: number;
  load: number;
  active: boolean;
  channelCapacity: { public: number | null; dm: number | null };
};

export type AgentsQueryVariables = Exact<{ [key: string]: never }>;

export type AgentsQuery = {
  agents: Array<{
    id: string;
    name: string;
    initials: string;
    email: string;
    role: AgentRole;
    languages: Array<string>;
    queueIds: Array<string>;
    timezone: string;
    status: AgentStatus;
    capacity: number;
    load: number;
    active: boolean;
    channelCapacity: { public: number | null; dm: number | null };
  }>;
};

export type CreateAgentMutationVariables = Exact<{
  agent: CreateAgentInput;
}>;

export type CreateAgentMutation = {
  createAgent: {
    initialPassword: string;
    agent: {
      id: string;
      name: string;
      initials: string;
      email: string;
      role: AgentRole;
      languages: Array<string>;
      queueIds: Array<string>;
      timezone: string;
      status: AgentStatus;
      capacity: number;
      load: number;
      active: boolean;
      channelCapacity: { public: number | null; dm: number | null };
    };
  };
};

export type UpdateAgentMutationVariables = Exact<{
  id: string;
  changes: UpdateAgentInput;
}>;

export type UpdateAgentMutation = {
  updateAgent: {
    id: string;
    name: string;
    initials: string;
    email: string;
    role: AgentRole;
    languages: Array<string>;
    queueIds: Array<string>;
    timezone: string;
    status: AgentStatus;
    capacity: number;
    load: number;
    active: boolean;
    channelCapacity: { public: number | null; dm: number | null };
  };
};

export type DeactivateAgentMutationVariables = Exact<{
  id: string;
}>;

export type DeactivateAgentMutation = {
  deactivateAgent: {
    id: string;
    name: string;
    initials: string;
    email: string;
    role: AgentRole;
    languages: Array<string>;
    queueIds: Array<string>;
    timezone: string;
    status: AgentStatus;
    capacity: number;
    load: number;
    active: boolean;
    channelCapacity: { public: number | null; dm: number | null };
  };
};

export type ReactivateAgentMutationVariables = Exact<{
  id: string;
}>;

export type ReactivateAgentMutation = {
  reactivateAgent: {
    id: string;
    name: string;
    initials: string;
    email: string;
    role: AgentRole;
    languages: Array<string>;
    queueIds: Array<string>;
    timezone: string;
    status: AgentStatus;
    capacity: number;
    load: number;
    active: boolean;
    channelCapacity: { public: number | null; dm: number | null };
  };
};

export type ResetAgentPasswordMutationVariables = Exact<{
  id: string;
}>;

export type ResetAgentPasswordMutation = {
  resetAgentPassword: {
    oneTimePassword: string;
    agent: {
      id: string;
      name: string;
      initials: string;
      email: string;
      role: AgentRole;
      languages: Array<string>;
      queueIds: Array<string>;
      timezone: string;
      status: AgentStatus;
      capacity: number;
      load: number;
      active: boolean;
      channelCapacity: { public: number | null; dm: number | null };
    };
  };
};

export type ChangePasswordMutationVariables = Exact<{
  currentPassword: string;
  newPassword: string;
}>;

export type ChangePasswordMutation = {
  changePassword: {
    token: string;
    expiresAt: string;
    agent: { id: string; name: string; email: string; role: AgentRole; initials: string; timezone: string };
  };
};

export type SlaAlertsSubscriptionVariables = Exact<{
  queueId?: string | null | undefined;
}>;

export type SlaAlertsSubscription = {
  slaAlerts: {
    conversationId: string;
    kind: SlaAlertKind;
    queueId: string;
    currentQueueId: string;
    assigneeId: string | null;
    status: AssignmentStatus;
    priority: number;
    deadline: string;
    action: SlaAlertAction;
    at: string;
  };
};

export type AgentFieldsFragment = {
  id: string;
  name: string;
  email: string;
  role: AgentRole;
  initials: string;
  timezone: string;
};

export type LoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;

export type LoginMutation = {
  login: {
    token: string;
    expiresAt: string;
    agent: { id: string; name: string; email: string; role: AgentRole; initials: string; timezone: string };
  };
};

export type MeQueryVariables = Exact<{ [key: string]: never }>;

export type MeQuery = {
  me: {
    status: AgentStatus;
    id: string;
    name: string;
    email: string;
    role: AgentRole;
    initials: string;
    timezone: string;
  };
};

export type CaseSuggestionsQueryVariables = Exact<{
  id: string;
}>;

export type CaseSuggestionsQuery = {
  caseSuggestions: Array<{
    conversationId: string;
    channel: Channel;
    status: ConversationStatus;
    accountHandle: string;
    openedAt: string;
    lastMessageAt: string;
    lastText: string | null;
    version: number;
    reason: CaseSuggestionReason;
  }>;
};

export type CaseLinksQueryVariables = Exact<{
  id: string;
}>;

export type CaseLinksQuery = {
  conversationDetail: {
    version: number;
    mergedIntoId: string | null;
    links: Array<{ kind: CaseLinkKind; conversationId: string; actorId: string | null; at: string }>;
  };
};

export type MergeConversationsMutationVariables = Exact<{
  targetId: string;
  sourceId: string;
  expectedVersion?: number | null | undefined;
}>;

export type MergeConversationsMutation = {
  mergeConversations: {
    target: { conversationId: string; status: ConversationStatus; version: number; tags: Array<string> };
    source: { conversationId: string; status: ConversationStatus; version: number; tags: Array<string> };
  };
};

export type SplitConversationMutationVariables = Exact<{
  conversationId: string;
  messageId: string;
  expectedVersion?: number | null | undefined;
}>;

export type SplitConversationMutation = {
  splitConversation: {
    source: { conversationId: string; status: ConversationStatus; version: number; tags: Array<string> };
    created: { conversationId: string; status: ConversationStatus; version: number; tags: Array<string> };
  };
};

export type CreateCaseFromTweetMutationVariables = Exact<{
  urlOrId: string;
}>;

export type CreateCaseFromTweetMutation = {
  createCaseFromTweet: {
    tweetId: string;
    threadTweetIds: Array<string>;
    conversation: { id: string } | null;
  };
};

export type ConversationDetailQueryVariables = Exact<{
  id: string;
}>;

export type ConversationDetailQuery = {
  conversationDetail: {
    version: number;
    tags: Array<string>;
    followUpRequired: boolean;
    movedToDmAt: string | null;
    snoozedUntil: string | null;
    hardLock: boolean | null;
    replyOptions: { public: boolean; offered: Array<ReplyPath>; openInXUrl: string | null };
    transfers: Array<{
      at: string;
      actorId: string | null;
      actorName: string | null;
      fromAgentId: string | null;
      fromQueueId: string | null;
      toAgentId: string | null;
      toQueueId: string | null;
      note: string | null;
    }>;
  };
};

export type CustomerProfileQueryVariables = Exact<{
  id: string;
}>;

export type CustomerProfileQuery = {
  customer: {
    id: string;
    handle: string;
    name: string;
    verified: boolean;
    followersCount: number;
    language: string | null;
    firstSeenAt: string;
    vip: boolean;
    tags: Array<string>;
    withdrawnAt: string | null;
    withdrawnReason: string | null;
    notes: Array<{
      id: string;
      text: string;
      authorId: string;
      authorInitials: string;
      createdAt: string;
      conversationId: string | null;
    }>;
    history: Array<{
      conversationId: string;
      channel: Channel;
      status: ConversationStatus;
      openedAt: string;
      lastMessageAt: string;
      lastText: string | null;
      messageCount: number;
    }>;
  } | null;
};

export type NoteFieldsFragment = {
  id: string;
  text: string;
  authorId: string;
  authorInitials: string;
  createdAt: string;
  conversationId: string | null;
};

export type CustomerProfileFieldsFragment = {
  id: string;
  handle: string;
  name: string;
  verified: boolean;
  followersCount: number;
  language: string | null;
  firstSeenAt: string;
  vip: boolean;
  tags: Array<string>;
  withdrawnAt: string | null;
  withdrawnReason: string | null;
  notes: Array<{
    id: string;
    text: string;
    authorId: string;
    authorInitials: string;
    createdAt: string;
    conversationId: string | null;
  }>;
  history: Array<{
    conversationId: string;
    channel: Channel;
    status: ConversationStatus;
    openedAt: string;
    lastMessageAt: string;
    lastText: string | null;
    messageCount: number;
  }>;
};

export type UpdateCustomerMutationVariables = Exact<{
  customerId: string;
  vip?: boolean | null | undefined;
  addTags?: Array<string> | string | null | undefined;
  removeTags?: Array<string> | string | null | undefined;
  note?: string | null | undefined;
}>;

export type UpdateCustomerMutation = {
  updateCustomer: {
    id: string;
    handle: string;
    name: string;
    verified: boolean;
    followersCount: number;
    language: string | null;
    firstSeenAt: string;
    vip: boolean;
    tags: Array<string>;
    withdrawnAt: string | null;
    withdrawnReason: string | null;
    notes: Array<{
      id: string;
      text: string;
      authorId: string;
      authorInitials: string;
      createdAt: string;
      conversationId: string | null;
    }>;
    history: Array<{
      conversationId: string;
      channel: Channel;
      status: ConversationStatus;
      openedAt: string;
      lastMessageAt: string;
      lastText: string | null;
      messageCount: number;
    }>;
  };
};

export type AddNoteMutationVariables = Exact<{
  conversationId: string;
  text: string;
}>;

export type AddNoteMutation = {
  addNote: {
    id: string;
    text: string;
    authorId: string;
    authorInitials: string;
    createdAt: string;
    conversationId: string | null;
  };
};

export type SendDmMutationVariables = Exact<{
  conversationId: string;
  text: string;
  attachmentIds?: Array<string> | string | null | undefined;
}>;

export type SendDmMutation = {
  sendDm: {
    id: string;
    direction: MessageDirection;
    text: string;
    createdAt: string;
    channel: Channel;
    status: MessageStatus;
    authorHandle: string;
    deleted: boolean;
    redaction: MessageRedaction | null;
    media: Array<{
      key: string;
      type: MediaType;
      url: string | null;
      thumbnailUrl: string | null;
      width: number | null;
      height: number | null;
      altText: string | null;
      durationMs: number | null;
    }>;
  };
};

export type MoveToDmMutationVariables = Exact<{
  conversationId: string;
  invitation: string;
  dmText: string;
  expectedVersion?: number | null | undefined;
}>;

export type MoveToDmMutation = {
  moveToDm: {
    invitation: {
      id: string;
      direction: MessageDirection;
      text: string;
      createdAt: string;
      channel: Channel;
      status: MessageStatus;
      authorHandle: string;
      deleted: boolean;
      redaction: MessageRedaction | null;
      media: Array<{
        key: string;
        type: MediaType;
        url: string | null;
        thumbnailUrl: string | null;
        width: number | null;
        height: number | null;
        altText: string | null;
        durationMs: number | null;
      }>;
    };
    dm: {
      id: string;
      direction: MessageDirection;
      text: string;
      createdAt: string;
      channel: Channel;
      status: MessageStatus;
      authorHandle: string;
      deleted: boolean;
      redaction: MessageRedaction | null;
      media: Array<{
        key: string;
        type: MediaType;
        url: string | null;
        thumbnailUrl: string | null;
        width: number | null;
        height: number | null;
        altText: string | null;
        durationMs: number | null;
      }>;
    };
  };
};

export type ResolveWithFollowUpMutationVariables = Exact<{
  conversationId: string;
  followUp?: string | null | undefined;
  skipFollowUp?: boolean | null | undefined;
  expectedVersion?: number | null | undefined;
}>;

export type ResolveWithFollowUpMutation = {
  resolveConversation: {
    followUp: {
      id: string;
      direction: MessageDirection;
      text: string;
      createdAt: string;
      channel: Channel;
      status: MessageStatus;
      authorHandle: string;
      deleted: boolean;
      redaction: MessageRedaction | null;
      media: Array<{
        key: string;
        type: MediaType;
        url: string | null;
        thumbnailUrl: string | null;
        width: number | null;
        height: number | null;
        altText: string | null;
        durationMs: number | null;
      }>;
    } | null;
    result: { conversationId: string; status: ConversationStatus; tags: Array<string>; version: number };
  };
};

export type ActionResultFieldsFragment = {
  conversationId: string;
  status: ConversationStatus;
  tags: Array<string>;
  version: number;
};

export type TagConversationMutationVariables = Exact<{
  conversationId: string;
  add: Array<string> | string;
  remove: Array<string> | string;
  expectedVersion?: number | null | undefined;
}>;

export type TagConversationMutation = {
  tagConversation: {
    conversationId: string;
    status: ConversationStatus;
    tags: Array<string>;
    version: number;
  };
};

export type SnoozeConversationMutationVariables = Exact<{
  conversationId: string;
  until: string;
  expectedVersion?: number | null | undefined;
}>;

export type SnoozeConversationMutation = {
  snoozeConversation: {
    conversationId: string;
    status: ConversationStatus;
    tags: Array<string>;
    version: number;
  };
};

export type ReopenConversationMutationVariables = Exact<{
  conversationId: string;
  expectedVersion?: number | null | undefined;
}>;

export type ReopenConversationMutation = {
  reopenConversation: {
    conversationId: string;
    status: ConversationStatus;
    tags: Array<string>;
    version: number;
  };
};

export type TransferConversationMutationVariables = Exact<{
  conversationId: string;
  toAgentId?: string | null | undefined;
  toQueueId?: string | null | undefined;
  note?: string | null | undefined;
}>;

export type TransferConversationMutation = {
  transferConversation: {
    conversationId: string;
    queueId: string;
    assigneeId: string | null;
    status: AssignmentStatus;
  };
};

export type TakeOverConversationMutationVariables = Exact<{
  conversationId: string;
}>;

export type TakeOverConversationMutation = {
  takeOverConversation: {
    conversationId: string;
    queueId: string;
    assigneeId: string | null;
    status: AssignmentStatus;
  };
};

export type SetPresenceMutationVariables = Exact<{
  conversationId: string;
  state: PresenceState;
}>;

export type SetPresenceMutation = { setPresence: boolean };

export type PresenceSubscriptionVariables = Exact<{
  conversationId: string;
}>;

export type PresenceSubscription = {
  presence: {
    agentId: string;
    agentInitials: string;
    state: PresenceState;
    at: string;
    conversationId: string;
  };
};

export type ConversationUpdatedSubscriptionVariables = Exact<{
  id: string;
}>;

export type ConversationUpdatedSubscription = {
  conversationUpdated: { conversationId: string | null; reason: QueueUpdateReason; at: string };
};

export type CannedRepliesQueryVariables = Exact<{
  language?: string | null | undefined;
}>;

export type CannedRepliesQuery = {
  cannedReplies: Array<{ id: string; title: string; language: string; body: string }>;
};

export type CannedReplyFieldsFragment = { id: string; title: string; language: string; body: string };

export type RenderCannedReplyQueryVariables = Exact<{
  cannedReplyId: string;
  conversationId: string;
}>;

export type RenderCannedReplyQuery = { renderCannedReply: string };

export type BrandGuidelinesQueryVariables = Exact<{ [key: string]: never }>;

export type BrandGuidelinesQuery = {
  brandGuidelines: { bannedPhrases: Array<string>; queueHours: Array<{ queueId: string; hours: string }> };
};

export type SetAgentStatusMutationVariables = Exact<{
  status: AgentStatus;
  agentId?: string | null | undefined;
}>;

export type SetAgentStatusMutation = { setAgentStatus: { agentId: string; status: AgentStatus } };

export type MessageFieldsFragment = {
  id: string;
  direction: MessageDirection;
  text: string;
  createdAt: string;
  channel: Channel;
  status: MessageStatus;
  authorHandle: string;
  deleted: boolean;
  redaction: MessageRedaction | null;
  media: Array<{
    key: string;
    type: MediaType;
    url: string | null;
    thumbnailUrl: string | null;
    width: number | null;
    height: number | null;
    altText: string | null;
    durationMs: number | null;
  }>;
};

export type ConversationSummaryFragment = {
  id: string;
  status: ConversationStatus;
  channel: Channel;
  priority: number;
  language: string;
  sentiment: Sentiment;
  intent: string;
  replyPath: string;
  openedAt: string;
  lastMessageAt: string;
  tags: Array<string>;
  queue: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
  customer: {
    id: string;
    handle: string;
    name: string;
    followersCount: number;
    verified: boolean;
    withdrawnAt: string | null;
    vip: boolean;
  };
};

export type ConversationsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: ConversationFilter | null | undefined;
  order?: ConversationOrder | null | undefined;
}>;

export type ConversationsQuery = {
  conversations: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{
      cursor: string;
      node: {
        id: string;
        status: ConversationStatus;
        channel: Channel;
        priority: number;
        language: string;
        sentiment: Sentiment;
        intent: string;
        replyPath: string;
        openedAt: string;
        lastMessageAt: string;
        tags: Array<string>;
        messages: Array<{ direction: MessageDirection; text: string; deleted: boolean }>;
        queue: { id: string; name: string } | null;
        assignee: { id: string; name: string } | null;
        customer: {
          id: string;
          handle: string;
          name: string;
          followersCount: number;
          verified: boolean;
          withdrawnAt: string | null;
          vip: boolean;
        };
      };
    }>;
  };
};

export type ConversationQueryVariables = Exact<{
  id: string;
}>;

export type ConversationQuery = {
  conversation: {
    id: string;
    status: ConversationStatus;
    channel: Channel;
    priority: number;
    language: string;
    sentiment: Sentiment;
    intent: string;
    replyPath: string;
    openedAt: string;
    lastMessageAt: string;
    tags: Array<string>;
    messages: Array<{
      id: string;
      direction: MessageDirection;
      text: string;
      createdAt: string;
      channel: Channel;
      status: MessageStatus;
      authorHandle: string;
      deleted: boolean;
      redaction: MessageRedaction | null;
      media: Array<{
        key: string;
        type: MediaType;
        url: string | null;
        thumbnailUrl: string | null;
        width: number | null;
        height: number | null;
        altText: string | null;
        durationMs: number | null;
      }>;
    }>;
    queue: { id: string; name: string } | null;
    assignee: { id: string; name: string } | null;
    customer: {
      id: string;
      handle: string;
      name: string;
      followersCount: number;
      verified: boolean;
      withdrawnAt: string | null;
      vip: boolean;
    };
  } | null;
};

export type ReplyMutationVariables = Exact<{
  conversationId: string;
  text: string;
  channel?: Channel | null | undefined;
  attachmentIds?: Array<string> | string | null | undefined;
}>;

export type ReplyMutation = {
  reply: {
    id: string;
    direction: MessageDirection;
    text: string;
    createdAt: string;
    channel: Channel;
    status: MessageStatus;
    authorHandle: string;
    deleted: boolean;
    redaction: MessageRedaction | null;
    media: Array<{
      key: string;
      type: MediaType;
      url: string | null;
      thumbnailUrl: string | null;
      width: number | null;
      height: number | null;
      altText: string | null;
      durationMs: number | null;
    }>;
  };
};

export type ResolveMutationVariables = Exact<{
  conversationId: string;
  skipFollowUp?: boolean | null | undefined;
}>;

export type ResolveMutation = {
  resolveConversation: { result: { conversationId: string; status: ConversationStatus; version: number } };
};

export type WaitTimeUpdatedSubscriptionVariables = Exact<{
  queueId?: string | null | undefined;
}>;

export type WaitTimeUpdatedSubscription = {
  waitTimeUpdated: {
    queueId: string;
    expectedWaitSeconds: number;
    agentsOnline: number;
    waiting: number;
    handleTimeSeconds: number;
    at: string;
  };
};

export type DistributionFieldsFragment = {
  count: number;
  avg: number | null;
  p50: number | null;
  p90: number | null;
  p99: number | null;
};

export type MetricsSummaryQueryVariables = Exact<{
  range: ReportRange;
  groupBy?: ReportGroupBy | null | undefined;
  filter?: ReportFilter | null | undefined;
}>;

export type MetricsSummaryQuery = {
  metricsSummary: {
    slaDefaultMinutes: number;
    timezone: string;
    total: {
      conversations: number;
      answered: number;
      firstResponseSeconds: {
        count: number;
        avg: number | null;
        p50: number | null;
        p90: number | null;
        p99: number | null;
      };
      sla: { attainment: number | null; eligible: number; met: number };
    };
    rows: Array<{
      key: string | null;
      conversations: number;
      inbound: number;
      answered: number;
      unresolved: number;
      responseRate: number | null;
      firstResponseSeconds: {
        count: number;
        avg: number | null;
        p50: number | null;
        p90: number | null;
        p99: number | null;
      };
      handleSeconds: {
        count: number;
        avg: number | null;
        p50: number | null;
        p90: number | null;
        p99: number | null;
      };
      sla: { attainment: number | null; eligible: number; met: number };
    }>;
  };
};

export type MetricsHeatmapQueryVariables = Exact<{
  range: ReportRange;
  filter?: ReportFilter | null | undefined;
}>;

export type MetricsHeatmapQuery = {
  metricsHeatmap: {
    timezone: string;
    weeks: number;
    from: string;
    to: string;
    cells: Array<{ day: number; hour: number; inbound: number }>;
  };
};

export type StaffingAdviceQueryVariables = Exact<{
  range: ReportRange;
  options?: StaffingOptions | null | undefined;
}>;

export type StaffingAdviceQuery = {
  staffingAdvice: {
    timezone: string;
    weeks: number;
    serviceLevel: number;
    targetSeconds: number;
    concurrency: number;
    handleSeconds: number;
    handleSource: MeasureSource;
    scheduledSource: ScheduleSource;
    hours: Array<{
      day: number;
      hour: number;
      arrivals: number;
      agentsNeeded: number;
      scheduled: number | null;
      gap: number | null;
    }>;
    shortfalls: Array<{ day: number; hour: number; gap: number }>;
  };
};

export type MetricsCsvQueryVariables = Exact<{
  range: ReportRange;
  report: MetricsReport;
  groupBy?: ReportGroupBy | null | undefined;
}>;

export type MetricsCsvQuery = { metricsCsv: { filename: string; contentType: string; csv: string } };

export type AgentLoadQueryVariables = Exact<{
  first?: number | null | undefined;
}>;

export type AgentLoadQuery = {
  conversations: {
    totalCount: number;
    edges: Array<{
      node: {
        id: string;
        status: ConversationStatus;
        assignee: { id: string; name: string } | null;
        queue: { id: string } | null;
      };
    }>;
  };
};

export type ListeningQueryVariables = Exact<{ [key: string]: never }>;

export type ListeningQuery = {
  listening: {
    rules: Array<{ id: string; kind: ListeningRuleKind; value: string; language: string | null }>;
    accounts: Array<{ id: string; handle: string; role: AccountRole; apiTier: ApiTier }>;
  };
};

export type AddListeningRuleMutationVariables = Exact<{
  kind: ListeningRuleKind;
  value: string;
  language?: string | null | undefined;
}>;

export type AddListeningRuleMutation = {
  addListeningRule: { id: string; kind: ListeningRuleKind; value: string; language: string | null };
};

export type RemoveListeningRuleMutationVariables = Exact<{
  id: string;
}>;

export type RemoveListeningRuleMutation = { removeListeningRule: boolean };

export type SaveCannedReplyMutationVariables = Exact<{
  title: string;
  body: string;
  language: string;
}>;

export type SaveCannedReplyMutation = {
  saveCannedReply: { id: string; title: string; language: string; body: string };
};

export type SetBrandGuidelinesMutationVariables = Exact<{
  bannedPhrases: Array<string> | string;
  queueHours: Array<QueueHoursInput> | QueueHoursInput;
}>;

export type SetBrandGuidelinesMutation = {
  setBrandGuidelines: { bannedPhrases: Array<string>; queueHours: Array<{ queueId: string; hours: string }> };
};

export type ScheduleFieldsFragment = {
  agentId: string;
  timezone: string;
  onShiftNow: boolean;
  shifts: Array<{ day: number; start: string; end: string }>;
  exceptions: Array<{ from: string; to: string; kind: ScheduleExceptionKind }>;
};

export type AgentShiftsQueryVariables = Exact<{
  agentId?: string | null | undefined;
}>;

export type AgentShiftsQuery = {
  agentShifts: {
    agentId: string;
    timezone: string;
    onShiftNow: boolean;
    shifts: Array<{ day: number; start: string; end: string }>;
    exceptions: Array<{ from: string; to: string; kind: ScheduleExceptionKind }>;
  };
};

export type SetAgentShiftsMutationVariables = Exact<{
  agentId: string;
  timezone: string;
  shifts: Array<WeeklySlotInput> | WeeklySlotInput;
  exceptions: Array<ScheduleExceptionInput> | ScheduleExceptionInput;
}>;

export type SetAgentShiftsMutation = {
  setAgentShifts: {
    agentId: string;
    timezone: string;
    onShiftNow: boolean;
    shifts: Array<{ day: number; start: string; end: string }>;
    exceptions: Array<{ from: string; to: string; kind: ScheduleExceptionKind }>;
  };
};

export type QueueFieldsFragment = {
  id: string;
  name: string;
  team: Team;
  waiting: number;
  assigned: number;
  oldestWaitingSince: string | null;
};

export type QueuesQueryVariables = Exact<{ [key: string]: never }>;

export type QueuesQuery = {
  queues: Array<{
    id: string;
    name: string;
    team: Team;
    waiting: number;
    assigned: number;
    oldestWaitingSince: string | null;
  }>;
};

export type QueueUpdatedSubscriptionVariables = Exact<{
  queueId?: string | null | undefined;
}>;

export type QueueUpdatedSubscription = {
  queueUpdated: {
    queueId: string;
    reason: QueueUpdateReason;
    conversationId: string | null;
    conversationStatus: ConversationStatus | null;
    assigneeId: string | null;
    waiting: number;
    assigned: number;
    oldestWaitingSince: string | null;
    at: string;
    sourceCreatedAt: string | null;
  };
};

export type QueueConfigFieldsFragment = {
  id: string;
  name: string;
  team: Team;
  timezone: string;
  slaWarnRatio: number;
  slaWarnPriorityBoost: number;
  slaBreachAction: SlaBreachAction;
  escalationQueueId: string | null;
  strategy: RoutingStrategy;
  stickyWindowMinutes: number | null;
  relaxLanguageAfterMinutes: number | null;
  reopenWindowMinutes: number;
  vipPriorityBoost: number;
  hardLock: boolean;
  waiting: number;
  assigned: number;
  businessHours: Array<{ day: number; start: string; end: string }>;
  slaTargets: Array<{ minPriority: number; minutes: number }>;
};

export type QueueConfigsQueryVariables = Exact<{ [key: string]: never }>;

export type QueueConfigsQuery = {
  queueConfigs: Array<{
    id: string;
    name: string;
    team: Team;
    timezone: string;
    slaWarnRatio: number;
    slaWarnPriorityBoost: number;
    slaBreachAction: SlaBreachAction;
    escalationQueueId: string | null;
    strategy: RoutingStrategy;
    stickyWindowMinutes: number | null;
    relaxLanguageAfterMinutes: number | null;
    reopenWindowMinutes: number;
    vipPriorityBoost: number;
    hardLock: boolean;
    waiting: number;
    assigned: number;
    businessHours: Array<{ day: number; start: string; end: string }>;
    slaTargets: Array<{ minPriority: number; minutes: number }>;
  }>;
};

export type UpsertQueueMutationVariables = Exact<{
  queue: QueueConfigInput;
}>;

export type UpsertQueueMutation = {
  upsertQueue: {
    id: string;
    name: string;
    team: Team;
    timezone: string;
    slaWarnRatio: number;
    slaWarnPriorityBoost: number;
    slaBreachAction: SlaBreachAction;
    escalationQueueId: string | null;
    strategy: RoutingStrategy;
    stickyWindowMinutes: number | null;
    relaxLanguageAfterMinutes: number | null;
    reopenWindowMinutes: number;
    vipPriorityBoost: number;
    hardLock: boolean;
    waiting: number;
    assigned: number;
    businessHours: Array<{ day: number; start: string; end: string }>;
    slaTargets: Array<{ minPriority: number; minutes: number }>;
  };
};

export type RoutingRuleFieldsFragment = {
  id: string;
  name: string;
  position: number;
  enabled: boolean;
  queueId: string;
  priorityBoost: number;
  tags: Array<string>;
  conditions: {
    intents: Array<string> | null;
    languages: Array<string> | null;
    accountRoles: Array<AccountRole> | null;
    accountHandles: Array<string> | null;
    keywords: Array<string> | null;
    sentiments: Array<string> | null;
    sources: Array<string> | null;
    matchedRuleIds: Array<string> | null;
    minFollowers: number | null;
    vip: boolean | null;
  };
};

export type RoutingRulesQueryVariables = Exact<{ [key: string]: never }>;

export type RoutingRulesQuery = {
  routingRules: Array<{
    id: string;
    name: string;
    position: number;
    enabled: boolean;
    queueId: string;
    priorityBoost: number;
    tags: Array<string>;
    conditions: {
      intents: Array<string> | null;
      languages: Array<string> | null;
      accountRoles: Array<AccountRole> | null;
      accountHandles: Array<string> | null;
      keywords: Array<string> | null;
      sentiments: Array<string> | null;
      sources: Array<string> | null;
      matchedRuleIds: Array<string> | null;
      minFollowers: number | null;
      vip: boolean | null;
    };
  }>;
};

export type ReplaceRoutingRulesMutationVariables = Exact<{
  rules: Array<RoutingRuleInput> | RoutingRuleInput;
  expectedRuleIds?: Array<string> | string | null | undefined;
}>;

export type ReplaceRoutingRulesMutation = {
  replaceRoutingRules: Array<{
    id: string;
    name: string;
    position: number;
    enabled: boolean;
    queueId: string;
    priorityBoost: number;
    tags: Array<string>;
    conditions: {
      intents: Array<string> | null;
      languages: Array<string> | null;
      accountRoles: Array<AccountRole> | null;
      accountHandles: Array<string> | null;
      keywords: Array<string> | null;
      sentiments: Array<string> | null;
      sources: Array<string> | null;
      matchedRuleIds: Array<string> | null;
      minFollowers: number | null;
      vip: boolean | null;
    };
  }>;
};

export const ManagedAgentFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ManagedAgentFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Agent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'languages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queueIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'capacity' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'channelCapacity' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'public' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dm' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'load' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ManagedAgentFieldsFragment, unknown>;
export const AgentFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AgentFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Agent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AgentFieldsFragment, unknown>;
export const NoteFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'NoteFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Note' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'text' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorInitials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<NoteFieldsFragment, unknown>;
export const CustomerProfileFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CustomerProfileFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CustomerProfile' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'handle' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verified' } },
          { kind: 'Field', name: { kind: 'Name', value: 'followersCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'language' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstSeenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'vip' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          { kind: 'Field', name: { kind: 'Name', value: 'withdrawnAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'withdrawnReason' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'notes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'NoteFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'history' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastMessageAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastText' } },
                { kind: 'Field', name: { kind: 'Name', value: 'messageCount' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'NoteFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Note' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'text' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorInitials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CustomerProfileFieldsFragment, unknown>;
export const ActionResultFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ActionResultFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ActionResult' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ActionResultFieldsFragment, unknown>;
export const CannedReplyFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CannedReplyFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CannedReply' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'language' } },
          { kind: 'Field', name: { kind: 'Name', value: 'body' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CannedReplyFieldsFragment, unknown>;
export const MessageFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'MessageFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Message' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'direction' } },
          { kind: 'Field', name: { kind: 'Name', value: 'text' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorHandle' } },
          { kind: 'Field', name: { kind: 'Name', value: 'deleted' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redaction' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'media' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'thumbnailUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'width' } },
                { kind: 'Field', name: { kind: 'Name', value: 'height' } },
                { kind: 'Field', name: { kind: 'Name', value: 'altText' } },
                { kind: 'Field', name: { kind: 'Name', value: 'durationMs' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MessageFieldsFragment, unknown>;
export const ConversationSummaryFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConversationSummary' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Conversation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
          { kind: 'Field', name: { kind: 'Name', value: 'priority' } },
          { kind: 'Field', name: { kind: 'Name', value: 'language' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sentiment' } },
          { kind: 'Field', name: { kind: 'Name', value: 'intent' } },
          { kind: 'Field', name: { kind: 'Name', value: 'replyPath' } },
          { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastMessageAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'queue' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assignee' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'customer' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'handle' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'followersCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'verified' } },
                { kind: 'Field', name: { kind: 'Name', value: 'withdrawnAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'vip' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConversationSummaryFragment, unknown>;
export const DistributionFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'DistributionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Distribution' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'count' } },
          { kind: 'Field', name: { kind: 'Name', value: 'avg' } },
          { kind: 'Field', name: { kind: 'Name', value: 'p50' } },
          { kind: 'Field', name: { kind: 'Name', value: 'p90' } },
          { kind: 'Field', name: { kind: 'Name', value: 'p99' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DistributionFieldsFragment, unknown>;
export const ScheduleFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ScheduleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AgentSchedule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'agentId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'onShiftNow' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'shifts' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                { kind: 'Field', name: { kind: 'Name', value: 'start' } },
                { kind: 'Field', name: { kind: 'Name', value: 'end' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'exceptions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ScheduleFieldsFragment, unknown>;
export const QueueFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'QueueFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Queue' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'team' } },
          { kind: 'Field', name: { kind: 'Name', value: 'waiting' } },
          { kind: 'Field', name: { kind: 'Name', value: 'assigned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'oldestWaitingSince' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<QueueFieldsFragment, unknown>;
export const QueueConfigFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'QueueConfigFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'QueueConfig' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'team' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'businessHours' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                { kind: 'Field', name: { kind: 'Name', value: 'start' } },
                { kind: 'Field', name: { kind: 'Name', value: 'end' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'slaTargets' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'minPriority' } },
                { kind: 'Field', name: { kind: 'Name', value: 'minutes' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'slaWarnRatio' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slaWarnPriorityBoost' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slaBreachAction' } },
          { kind: 'Field', name: { kind: 'Name', value: 'escalationQueueId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'strategy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stickyWindowMinutes' } },
          { kind: 'Field', name: { kind: 'Name', value: 'relaxLanguageAfterMinutes' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reopenWindowMinutes' } },
          { kind: 'Field', name: { kind: 'Name', value: 'vipPriorityBoost' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hardLock' } },
          { kind: 'Field', name: { kind: 'Name', value: 'waiting' } },
          { kind: 'Field', name: { kind: 'Name', value: 'assigned' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<QueueConfigFieldsFragment, unknown>;
export const RoutingRuleFieldsFragmentDoc = {
  kind: 'Document',
  definitions: [
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'RoutingRuleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'RoutingRule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'position' } },
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queueId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'priorityBoost' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'conditions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'intents' } },
                { kind: 'Field', name: { kind: 'Name', value: 'languages' } },
                { kind: 'Field', name: { kind: 'Name', value: 'accountRoles' } },
                { kind: 'Field', name: { kind: 'Name', value: 'accountHandles' } },
                { kind: 'Field', name: { kind: 'Name', value: 'keywords' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sentiments' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sources' } },
                { kind: 'Field', name: { kind: 'Name', value: 'matchedRuleIds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'minFollowers' } },
                { kind: 'Field', name: { kind: 'Name', value: 'vip' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RoutingRuleFieldsFragment, unknown>;
export const AgentsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Agents' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'agents' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ManagedAgentFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ManagedAgentFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Agent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'languages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queueIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'capacity' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'channelCapacity' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'public' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dm' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'load' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AgentsQuery, AgentsQueryVariables>;
export const CreateAgentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateAgent' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'agent' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'CreateAgentInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createAgent' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'agent' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'agent' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'initialPassword' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'agent' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ManagedAgentFields' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ManagedAgentFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Agent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'languages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queueIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'capacity' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'channelCapacity' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'public' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dm' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'load' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateAgentMutation, CreateAgentMutationVariables>;
export const UpdateAgentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateAgent' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'changes' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'UpdateAgentInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateAgent' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'changes' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'changes' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ManagedAgentFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ManagedAgentFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Agent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'languages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queueIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'capacity' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'channelCapacity' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'public' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dm' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'load' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateAgentMutation, UpdateAgentMutationVariables>;
export const DeactivateAgentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'DeactivateAgent' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'deactivateAgent' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ManagedAgentFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ManagedAgentFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Agent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'languages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queueIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'capacity' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'channelCapacity' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'public' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dm' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'load' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<DeactivateAgentMutation, DeactivateAgentMutationVariables>;
export const ReactivateAgentDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReactivateAgent' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reactivateAgent' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ManagedAgentFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ManagedAgentFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Agent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'languages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queueIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'capacity' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'channelCapacity' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'public' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dm' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'load' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReactivateAgentMutation, ReactivateAgentMutationVariables>;
export const ResetAgentPasswordDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResetAgentPassword' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resetAgentPassword' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'oneTimePassword' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'agent' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ManagedAgentFields' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ManagedAgentFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Agent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'languages' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queueIds' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'capacity' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'channelCapacity' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'public' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dm' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'load' } },
          { kind: 'Field', name: { kind: 'Name', value: 'active' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResetAgentPasswordMutation, ResetAgentPasswordMutationVariables>;
export const ChangePasswordDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ChangePassword' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'currentPassword' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'newPassword' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'changePassword' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'currentPassword' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'currentPassword' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'newPassword' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'newPassword' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'token' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'agent' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AgentFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AgentFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Agent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const SlaAlertsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'SlaAlerts' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'queueId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'slaAlerts' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'queueId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'queueId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'queueId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'currentQueueId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'assigneeId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'priority' } },
                { kind: 'Field', name: { kind: 'Name', value: 'deadline' } },
                { kind: 'Field', name: { kind: 'Name', value: 'action' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SlaAlertsSubscription, SlaAlertsSubscriptionVariables>;
export const LoginDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Login' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'email' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'password' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'login' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'email' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'email' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'password' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'password' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'token' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expiresAt' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'agent' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'AgentFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AgentFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Agent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<LoginMutation, LoginMutationVariables>;
export const MeDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Me' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'me' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'AgentFields' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'AgentFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Agent' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'email' } },
          { kind: 'Field', name: { kind: 'Name', value: 'role' } },
          { kind: 'Field', name: { kind: 'Name', value: 'initials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MeQuery, MeQueryVariables>;
export const CaseSuggestionsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CaseSuggestions' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'caseSuggestions' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'accountHandle' } },
                { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastMessageAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastText' } },
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CaseSuggestionsQuery, CaseSuggestionsQueryVariables>;
export const CaseLinksDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CaseLinks' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'conversationDetail' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'mergedIntoId' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'links' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actorId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CaseLinksQuery, CaseLinksQueryVariables>;
export const MergeConversationsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'MergeConversations' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'targetId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'sourceId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'mergeConversations' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'targetId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'targetId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'sourceId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'sourceId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'target' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'source' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MergeConversationsMutation, MergeConversationsMutationVariables>;
export const SplitConversationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SplitConversation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'messageId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'splitConversation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'messageId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'messageId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'source' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'created' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SplitConversationMutation, SplitConversationMutationVariables>;
export const CreateCaseFromTweetDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'CreateCaseFromTweet' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'urlOrId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'createCaseFromTweet' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'urlOrId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'urlOrId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'tweetId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'threadTweetIds' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'conversation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CreateCaseFromTweetMutation, CreateCaseFromTweetMutationVariables>;
export const ConversationDetailDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'ConversationDetail' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'conversationDetail' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
                { kind: 'Field', name: { kind: 'Name', value: 'followUpRequired' } },
                { kind: 'Field', name: { kind: 'Name', value: 'movedToDmAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'snoozedUntil' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'replyOptions' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'public' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'offered' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'openInXUrl' } },
                    ],
                  },
                },
                { kind: 'Field', name: { kind: 'Name', value: 'hardLock' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'transfers' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actorId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'actorName' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'fromAgentId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'fromQueueId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'toAgentId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'toQueueId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'note' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConversationDetailQuery, ConversationDetailQueryVariables>;
export const CustomerProfileDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CustomerProfile' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'customer' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'CustomerProfileFields' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'NoteFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Note' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'text' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorInitials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CustomerProfileFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CustomerProfile' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'handle' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verified' } },
          { kind: 'Field', name: { kind: 'Name', value: 'followersCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'language' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstSeenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'vip' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          { kind: 'Field', name: { kind: 'Name', value: 'withdrawnAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'withdrawnReason' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'notes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'NoteFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'history' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastMessageAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastText' } },
                { kind: 'Field', name: { kind: 'Name', value: 'messageCount' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CustomerProfileQuery, CustomerProfileQueryVariables>;
export const UpdateCustomerDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpdateCustomer' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'customerId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'vip' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'addTags' } },
          type: {
            kind: 'ListType',
            type: {
              kind: 'NonNullType',
              type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'removeTags' } },
          type: {
            kind: 'ListType',
            type: {
              kind: 'NonNullType',
              type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'updateCustomer' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'customerId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'customerId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'vip' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'vip' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'addTags' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'addTags' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'removeTags' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'removeTags' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'note' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'CustomerProfileFields' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'NoteFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Note' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'text' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorInitials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CustomerProfileFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CustomerProfile' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'handle' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'verified' } },
          { kind: 'Field', name: { kind: 'Name', value: 'followersCount' } },
          { kind: 'Field', name: { kind: 'Name', value: 'language' } },
          { kind: 'Field', name: { kind: 'Name', value: 'firstSeenAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'vip' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          { kind: 'Field', name: { kind: 'Name', value: 'withdrawnAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'withdrawnReason' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'notes' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'NoteFields' } }],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'history' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastMessageAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'lastText' } },
                { kind: 'Field', name: { kind: 'Name', value: 'messageCount' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpdateCustomerMutation, UpdateCustomerMutationVariables>;
export const AddNoteDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AddNote' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'text' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'addNote' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'text' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'text' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'NoteFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'NoteFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Note' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'text' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorInitials' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddNoteMutation, AddNoteMutationVariables>;
export const SendDmDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SendDm' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'text' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'attachmentIds' } },
          type: {
            kind: 'ListType',
            type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'sendDm' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'text' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'text' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'attachmentIds' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'attachmentIds' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'MessageFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'MessageFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Message' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'direction' } },
          { kind: 'Field', name: { kind: 'Name', value: 'text' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorHandle' } },
          { kind: 'Field', name: { kind: 'Name', value: 'deleted' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redaction' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'media' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'thumbnailUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'width' } },
                { kind: 'Field', name: { kind: 'Name', value: 'height' } },
                { kind: 'Field', name: { kind: 'Name', value: 'altText' } },
                { kind: 'Field', name: { kind: 'Name', value: 'durationMs' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SendDmMutation, SendDmMutationVariables>;
export const MoveToDmDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'MoveToDm' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'invitation' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'dmText' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'moveToDm' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'invitation' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'invitation' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'dmText' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'dmText' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'invitation' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'MessageFields' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'dm' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'MessageFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'MessageFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Message' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'direction' } },
          { kind: 'Field', name: { kind: 'Name', value: 'text' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorHandle' } },
          { kind: 'Field', name: { kind: 'Name', value: 'deleted' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redaction' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'media' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'thumbnailUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'width' } },
                { kind: 'Field', name: { kind: 'Name', value: 'height' } },
                { kind: 'Field', name: { kind: 'Name', value: 'altText' } },
                { kind: 'Field', name: { kind: 'Name', value: 'durationMs' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MoveToDmMutation, MoveToDmMutationVariables>;
export const ResolveWithFollowUpDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ResolveWithFollowUp' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'followUp' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'skipFollowUp' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resolveConversation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'followUp' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'followUp' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'skipFollowUp' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'skipFollowUp' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'followUp' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'MessageFields' } }],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'result' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ActionResultFields' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'MessageFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Message' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'direction' } },
          { kind: 'Field', name: { kind: 'Name', value: 'text' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorHandle' } },
          { kind: 'Field', name: { kind: 'Name', value: 'deleted' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redaction' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'media' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'thumbnailUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'width' } },
                { kind: 'Field', name: { kind: 'Name', value: 'height' } },
                { kind: 'Field', name: { kind: 'Name', value: 'altText' } },
                { kind: 'Field', name: { kind: 'Name', value: 'durationMs' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ActionResultFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ActionResult' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResolveWithFollowUpMutation, ResolveWithFollowUpMutationVariables>;
export const TagConversationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'TagConversation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'add' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: {
                kind: 'NonNullType',
                type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
              },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'remove' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: {
                kind: 'NonNullType',
                type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
              },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'tagConversation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'add' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'add' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'remove' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'remove' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ActionResultFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ActionResultFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ActionResult' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TagConversationMutation, TagConversationMutationVariables>;
export const SnoozeConversationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SnoozeConversation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'until' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'snoozeConversation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'until' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'until' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ActionResultFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ActionResultFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ActionResult' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SnoozeConversationMutation, SnoozeConversationMutationVariables>;
export const ReopenConversationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReopenConversation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reopenConversation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedVersion' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedVersion' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ActionResultFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ActionResultFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'ActionResult' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          { kind: 'Field', name: { kind: 'Name', value: 'version' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReopenConversationMutation, ReopenConversationMutationVariables>;
export const TransferConversationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'TransferConversation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'toAgentId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'toQueueId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'transferConversation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'toAgentId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'toAgentId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'toQueueId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'toQueueId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'note' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'note' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'queueId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'assigneeId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TransferConversationMutation, TransferConversationMutationVariables>;
export const TakeOverConversationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'TakeOverConversation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'takeOverConversation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'queueId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'assigneeId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<TakeOverConversationMutation, TakeOverConversationMutationVariables>;
export const SetPresenceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetPresence' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'state' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'PresenceState' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setPresence' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'state' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'state' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetPresenceMutation, SetPresenceMutationVariables>;
export const PresenceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'Presence' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'presence' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'agentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'agentInitials' } },
                { kind: 'Field', name: { kind: 'Name', value: 'state' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PresenceSubscription, PresenceSubscriptionVariables>;
export const ConversationUpdatedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'ConversationUpdated' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'conversationUpdated' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConversationUpdatedSubscription, ConversationUpdatedSubscriptionVariables>;
export const CannedRepliesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'CannedReplies' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'language' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'cannedReplies' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'language' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'language' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'CannedReplyFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CannedReplyFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CannedReply' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'language' } },
          { kind: 'Field', name: { kind: 'Name', value: 'body' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<CannedRepliesQuery, CannedRepliesQueryVariables>;
export const RenderCannedReplyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'RenderCannedReply' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'cannedReplyId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'renderCannedReply' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'cannedReplyId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'cannedReplyId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RenderCannedReplyQuery, RenderCannedReplyQueryVariables>;
export const BrandGuidelinesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'BrandGuidelines' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'brandGuidelines' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'bannedPhrases' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'queueHours' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'queueId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hours' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<BrandGuidelinesQuery, BrandGuidelinesQueryVariables>;
export const SetAgentStatusDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetAgentStatus' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'AgentStatus' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'agentId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setAgentStatus' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'status' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'status' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'agentId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'agentId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'agentId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetAgentStatusMutation, SetAgentStatusMutationVariables>;
export const ConversationsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Conversations' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ConversationFilter' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'order' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ConversationOrder' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'conversations' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'order' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'order' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ConversationSummary' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'messages' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'direction' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'text' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'deleted' } },
                                ],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConversationSummary' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Conversation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
          { kind: 'Field', name: { kind: 'Name', value: 'priority' } },
          { kind: 'Field', name: { kind: 'Name', value: 'language' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sentiment' } },
          { kind: 'Field', name: { kind: 'Name', value: 'intent' } },
          { kind: 'Field', name: { kind: 'Name', value: 'replyPath' } },
          { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastMessageAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'queue' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assignee' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'customer' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'handle' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'followersCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'verified' } },
                { kind: 'Field', name: { kind: 'Name', value: 'withdrawnAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'vip' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConversationsQuery, ConversationsQueryVariables>;
export const ConversationDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Conversation' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'conversation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'FragmentSpread', name: { kind: 'Name', value: 'ConversationSummary' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'messages' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'MessageFields' } }],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ConversationSummary' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Conversation' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
          { kind: 'Field', name: { kind: 'Name', value: 'priority' } },
          { kind: 'Field', name: { kind: 'Name', value: 'language' } },
          { kind: 'Field', name: { kind: 'Name', value: 'sentiment' } },
          { kind: 'Field', name: { kind: 'Name', value: 'intent' } },
          { kind: 'Field', name: { kind: 'Name', value: 'replyPath' } },
          { kind: 'Field', name: { kind: 'Name', value: 'openedAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'lastMessageAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'queue' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'assignee' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'customer' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'handle' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                { kind: 'Field', name: { kind: 'Name', value: 'followersCount' } },
                { kind: 'Field', name: { kind: 'Name', value: 'verified' } },
                { kind: 'Field', name: { kind: 'Name', value: 'withdrawnAt' } },
                { kind: 'Field', name: { kind: 'Name', value: 'vip' } },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'MessageFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Message' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'direction' } },
          { kind: 'Field', name: { kind: 'Name', value: 'text' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorHandle' } },
          { kind: 'Field', name: { kind: 'Name', value: 'deleted' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redaction' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'media' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'thumbnailUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'width' } },
                { kind: 'Field', name: { kind: 'Name', value: 'height' } },
                { kind: 'Field', name: { kind: 'Name', value: 'altText' } },
                { kind: 'Field', name: { kind: 'Name', value: 'durationMs' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ConversationQuery, ConversationQueryVariables>;
export const ReplyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Reply' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'text' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'channel' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Channel' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'attachmentIds' } },
          type: {
            kind: 'ListType',
            type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'reply' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'text' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'text' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'channel' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'channel' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'attachmentIds' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'attachmentIds' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'MessageFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'MessageFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Message' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'direction' } },
          { kind: 'Field', name: { kind: 'Name', value: 'text' } },
          { kind: 'Field', name: { kind: 'Name', value: 'createdAt' } },
          { kind: 'Field', name: { kind: 'Name', value: 'channel' } },
          { kind: 'Field', name: { kind: 'Name', value: 'status' } },
          { kind: 'Field', name: { kind: 'Name', value: 'authorHandle' } },
          { kind: 'Field', name: { kind: 'Name', value: 'deleted' } },
          { kind: 'Field', name: { kind: 'Name', value: 'redaction' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'media' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                { kind: 'Field', name: { kind: 'Name', value: 'type' } },
                { kind: 'Field', name: { kind: 'Name', value: 'url' } },
                { kind: 'Field', name: { kind: 'Name', value: 'thumbnailUrl' } },
                { kind: 'Field', name: { kind: 'Name', value: 'width' } },
                { kind: 'Field', name: { kind: 'Name', value: 'height' } },
                { kind: 'Field', name: { kind: 'Name', value: 'altText' } },
                { kind: 'Field', name: { kind: 'Name', value: 'durationMs' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReplyMutation, ReplyMutationVariables>;
export const ResolveDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'Resolve' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'skipFollowUp' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Boolean' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'resolveConversation' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'conversationId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'conversationId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'skipFollowUp' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'skipFollowUp' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'result' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'version' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ResolveMutation, ResolveMutationVariables>;
export const WaitTimeUpdatedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'WaitTimeUpdated' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'queueId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'waitTimeUpdated' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'queueId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'queueId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'queueId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'expectedWaitSeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'agentsOnline' } },
                { kind: 'Field', name: { kind: 'Name', value: 'waiting' } },
                { kind: 'Field', name: { kind: 'Name', value: 'handleTimeSeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<WaitTimeUpdatedSubscription, WaitTimeUpdatedSubscriptionVariables>;
export const MetricsSummaryDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MetricsSummary' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportRange' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'groupBy' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportGroupBy' } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportFilter' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metricsSummary' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'range' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'groupBy' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'groupBy' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'slaDefaultMinutes' } },
                { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'total' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'conversations' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'answered' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'firstResponseSeconds' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'FragmentSpread', name: { kind: 'Name', value: 'DistributionFields' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'sla' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'attainment' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'eligible' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'met' } },
                          ],
                        },
                      },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'rows' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'key' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'conversations' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'inbound' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'answered' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'unresolved' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'responseRate' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'firstResponseSeconds' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'FragmentSpread', name: { kind: 'Name', value: 'DistributionFields' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'handleSeconds' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'FragmentSpread', name: { kind: 'Name', value: 'DistributionFields' } },
                          ],
                        },
                      },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'sla' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'attainment' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'eligible' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'met' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'DistributionFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Distribution' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'count' } },
          { kind: 'Field', name: { kind: 'Name', value: 'avg' } },
          { kind: 'Field', name: { kind: 'Name', value: 'p50' } },
          { kind: 'Field', name: { kind: 'Name', value: 'p90' } },
          { kind: 'Field', name: { kind: 'Name', value: 'p99' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MetricsSummaryQuery, MetricsSummaryQueryVariables>;
export const MetricsHeatmapDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MetricsHeatmap' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportRange' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportFilter' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metricsHeatmap' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'range' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'filter' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
                { kind: 'Field', name: { kind: 'Name', value: 'weeks' } },
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'cells' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hour' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'inbound' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MetricsHeatmapQuery, MetricsHeatmapQueryVariables>;
export const StaffingAdviceDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'StaffingAdvice' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportRange' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'options' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'StaffingOptions' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'staffingAdvice' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'range' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'options' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'options' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
                { kind: 'Field', name: { kind: 'Name', value: 'weeks' } },
                { kind: 'Field', name: { kind: 'Name', value: 'serviceLevel' } },
                { kind: 'Field', name: { kind: 'Name', value: 'targetSeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'concurrency' } },
                { kind: 'Field', name: { kind: 'Name', value: 'handleSeconds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'handleSource' } },
                { kind: 'Field', name: { kind: 'Name', value: 'scheduledSource' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'hours' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hour' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'arrivals' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'agentsNeeded' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'scheduled' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'gap' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'shortfalls' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hour' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'gap' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<StaffingAdviceQuery, StaffingAdviceQueryVariables>;
export const MetricsCsvDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'MetricsCsv' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportRange' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'report' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'MetricsReport' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'groupBy' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ReportGroupBy' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'metricsCsv' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'range' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'range' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'report' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'report' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'groupBy' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'groupBy' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'filename' } },
                { kind: 'Field', name: { kind: 'Name', value: 'contentType' } },
                { kind: 'Field', name: { kind: 'Name', value: 'csv' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<MetricsCsvQuery, MetricsCsvQueryVariables>;
export const AgentLoadDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AgentLoad' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'Int' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'conversations' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'first' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'first' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'filter' },
                value: {
                  kind: 'ObjectValue',
                  fields: [
                    {
                      kind: 'ObjectField',
                      name: { kind: 'Name', value: 'status' },
                      value: {
                        kind: 'ListValue',
                        values: [
                          { kind: 'EnumValue', value: 'ASSIGNED' },
                          { kind: 'EnumValue', value: 'SNOOZED' },
                          { kind: 'EnumValue', value: 'RESOLVED' },
                        ],
                      },
                    },
                  ],
                },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'totalCount' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'assignee' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [
                                  { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                                  { kind: 'Field', name: { kind: 'Name', value: 'name' } },
                                ],
                              },
                            },
                            {
                              kind: 'Field',
                              name: { kind: 'Name', value: 'queue' },
                              selectionSet: {
                                kind: 'SelectionSet',
                                selections: [{ kind: 'Field', name: { kind: 'Name', value: 'id' } }],
                              },
                            },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AgentLoadQuery, AgentLoadQueryVariables>;
export const ListeningDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Listening' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'listening' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'rules' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'language' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'accounts' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'handle' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'role' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'apiTier' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ListeningQuery, ListeningQueryVariables>;
export const AddListeningRuleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AddListeningRule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'kind' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'ListeningRuleKind' } },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'value' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'language' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'addListeningRule' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'kind' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'kind' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'value' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'value' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'language' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'language' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                { kind: 'Field', name: { kind: 'Name', value: 'value' } },
                { kind: 'Field', name: { kind: 'Name', value: 'language' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AddListeningRuleMutation, AddListeningRuleMutationVariables>;
export const RemoveListeningRuleDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RemoveListeningRule' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'removeListeningRule' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'id' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'id' } },
              },
            ],
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RemoveListeningRuleMutation, RemoveListeningRuleMutationVariables>;
export const SaveCannedReplyDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SaveCannedReply' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'title' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'body' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'language' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'saveCannedReply' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'title' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'title' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'body' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'body' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'language' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'language' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'CannedReplyFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'CannedReplyFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'CannedReply' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'title' } },
          { kind: 'Field', name: { kind: 'Name', value: 'language' } },
          { kind: 'Field', name: { kind: 'Name', value: 'body' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SaveCannedReplyMutation, SaveCannedReplyMutationVariables>;
export const SetBrandGuidelinesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetBrandGuidelines' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'bannedPhrases' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: {
                kind: 'NonNullType',
                type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
              },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'queueHours' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: {
                kind: 'NonNullType',
                type: { kind: 'NamedType', name: { kind: 'Name', value: 'QueueHoursInput' } },
              },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setBrandGuidelines' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'bannedPhrases' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'bannedPhrases' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'queueHours' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'queueHours' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'bannedPhrases' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'queueHours' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'queueId' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'hours' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetBrandGuidelinesMutation, SetBrandGuidelinesMutationVariables>;
export const AgentShiftsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AgentShifts' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'agentId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'agentShifts' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'agentId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'agentId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ScheduleFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ScheduleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AgentSchedule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'agentId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'onShiftNow' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'shifts' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                { kind: 'Field', name: { kind: 'Name', value: 'start' } },
                { kind: 'Field', name: { kind: 'Name', value: 'end' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'exceptions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AgentShiftsQuery, AgentShiftsQueryVariables>;
export const SetAgentShiftsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SetAgentShifts' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'agentId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'timezone' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'shifts' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: {
                kind: 'NonNullType',
                type: { kind: 'NamedType', name: { kind: 'Name', value: 'WeeklySlotInput' } },
              },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'exceptions' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: {
                kind: 'NonNullType',
                type: { kind: 'NamedType', name: { kind: 'Name', value: 'ScheduleExceptionInput' } },
              },
            },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'setAgentShifts' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'agentId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'agentId' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'timezone' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'timezone' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'shifts' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'shifts' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'exceptions' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'exceptions' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'ScheduleFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'ScheduleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'AgentSchedule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'agentId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
          { kind: 'Field', name: { kind: 'Name', value: 'onShiftNow' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'shifts' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                { kind: 'Field', name: { kind: 'Name', value: 'start' } },
                { kind: 'Field', name: { kind: 'Name', value: 'end' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'exceptions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'from' } },
                { kind: 'Field', name: { kind: 'Name', value: 'to' } },
                { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SetAgentShiftsMutation, SetAgentShiftsMutationVariables>;
export const QueuesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'Queues' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'queues' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'QueueFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'QueueFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'Queue' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'team' } },
          { kind: 'Field', name: { kind: 'Name', value: 'waiting' } },
          { kind: 'Field', name: { kind: 'Name', value: 'assigned' } },
          { kind: 'Field', name: { kind: 'Name', value: 'oldestWaitingSince' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<QueuesQuery, QueuesQueryVariables>;
export const QueueUpdatedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'subscription',
      name: { kind: 'Name', value: 'QueueUpdated' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'queueId' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'queueUpdated' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'queueId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'queueId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'queueId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'reason' } },
                { kind: 'Field', name: { kind: 'Name', value: 'conversationId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'conversationStatus' } },
                { kind: 'Field', name: { kind: 'Name', value: 'assigneeId' } },
                { kind: 'Field', name: { kind: 'Name', value: 'waiting' } },
                { kind: 'Field', name: { kind: 'Name', value: 'assigned' } },
                { kind: 'Field', name: { kind: 'Name', value: 'oldestWaitingSince' } },
                { kind: 'Field', name: { kind: 'Name', value: 'at' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sourceCreatedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<QueueUpdatedSubscription, QueueUpdatedSubscriptionVariables>;
export const QueueConfigsDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'QueueConfigs' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'queueConfigs' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'QueueConfigFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'QueueConfigFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'QueueConfig' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'team' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'businessHours' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                { kind: 'Field', name: { kind: 'Name', value: 'start' } },
                { kind: 'Field', name: { kind: 'Name', value: 'end' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'slaTargets' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'minPriority' } },
                { kind: 'Field', name: { kind: 'Name', value: 'minutes' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'slaWarnRatio' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slaWarnPriorityBoost' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slaBreachAction' } },
          { kind: 'Field', name: { kind: 'Name', value: 'escalationQueueId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'strategy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stickyWindowMinutes' } },
          { kind: 'Field', name: { kind: 'Name', value: 'relaxLanguageAfterMinutes' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reopenWindowMinutes' } },
          { kind: 'Field', name: { kind: 'Name', value: 'vipPriorityBoost' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hardLock' } },
          { kind: 'Field', name: { kind: 'Name', value: 'waiting' } },
          { kind: 'Field', name: { kind: 'Name', value: 'assigned' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<QueueConfigsQuery, QueueConfigsQueryVariables>;
export const UpsertQueueDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'UpsertQueue' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'queue' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'QueueConfigInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'upsertQueue' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'queue' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'queue' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'QueueConfigFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'QueueConfigFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'QueueConfig' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'team' } },
          { kind: 'Field', name: { kind: 'Name', value: 'timezone' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'businessHours' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'day' } },
                { kind: 'Field', name: { kind: 'Name', value: 'start' } },
                { kind: 'Field', name: { kind: 'Name', value: 'end' } },
              ],
            },
          },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'slaTargets' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'minPriority' } },
                { kind: 'Field', name: { kind: 'Name', value: 'minutes' } },
              ],
            },
          },
          { kind: 'Field', name: { kind: 'Name', value: 'slaWarnRatio' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slaWarnPriorityBoost' } },
          { kind: 'Field', name: { kind: 'Name', value: 'slaBreachAction' } },
          { kind: 'Field', name: { kind: 'Name', value: 'escalationQueueId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'strategy' } },
          { kind: 'Field', name: { kind: 'Name', value: 'stickyWindowMinutes' } },
          { kind: 'Field', name: { kind: 'Name', value: 'relaxLanguageAfterMinutes' } },
          { kind: 'Field', name: { kind: 'Name', value: 'reopenWindowMinutes' } },
          { kind: 'Field', name: { kind: 'Name', value: 'vipPriorityBoost' } },
          { kind: 'Field', name: { kind: 'Name', value: 'hardLock' } },
          { kind: 'Field', name: { kind: 'Name', value: 'waiting' } },
          { kind: 'Field', name: { kind: 'Name', value: 'assigned' } },
        ],
      },
    },
  ],
} as unknown as DocumentNode<UpsertQueueMutation, UpsertQueueMutationVariables>;
export const RoutingRulesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'RoutingRules' },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'routingRules' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'RoutingRuleFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'RoutingRuleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'RoutingRule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'position' } },
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queueId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'priorityBoost' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'conditions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'intents' } },
                { kind: 'Field', name: { kind: 'Name', value: 'languages' } },
                { kind: 'Field', name: { kind: 'Name', value: 'accountRoles' } },
                { kind: 'Field', name: { kind: 'Name', value: 'accountHandles' } },
                { kind: 'Field', name: { kind: 'Name', value: 'keywords' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sentiments' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sources' } },
                { kind: 'Field', name: { kind: 'Name', value: 'matchedRuleIds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'minFollowers' } },
                { kind: 'Field', name: { kind: 'Name', value: 'vip' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RoutingRulesQuery, RoutingRulesQueryVariables>;
export const ReplaceRoutingRulesDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'ReplaceRoutingRules' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'rules' } },
          type: {
            kind: 'NonNullType',
            type: {
              kind: 'ListType',
              type: {
                kind: 'NonNullType',
                type: { kind: 'NamedType', name: { kind: 'Name', value: 'RoutingRuleInput' } },
              },
            },
          },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'expectedRuleIds' } },
          type: {
            kind: 'ListType',
            type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'replaceRoutingRules' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'rules' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'rules' } },
              },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'expectedRuleIds' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'expectedRuleIds' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [{ kind: 'FragmentSpread', name: { kind: 'Name', value: 'RoutingRuleFields' } }],
            },
          },
        ],
      },
    },
    {
      kind: 'FragmentDefinition',
      name: { kind: 'Name', value: 'RoutingRuleFields' },
      typeCondition: { kind: 'NamedType', name: { kind: 'Name', value: 'RoutingRule' } },
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          { kind: 'Field', name: { kind: 'Name', value: 'id' } },
          { kind: 'Field', name: { kind: 'Name', value: 'name' } },
          { kind: 'Field', name: { kind: 'Name', value: 'position' } },
          { kind: 'Field', name: { kind: 'Name', value: 'enabled' } },
          { kind: 'Field', name: { kind: 'Name', value: 'queueId' } },
          { kind: 'Field', name: { kind: 'Name', value: 'priorityBoost' } },
          { kind: 'Field', name: { kind: 'Name', value: 'tags' } },
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'conditions' },
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'intents' } },
                { kind: 'Field', name: { kind: 'Name', value: 'languages' } },
                { kind: 'Field', name: { kind: 'Name', value: 'accountRoles' } },
                { kind: 'Field', name: { kind: 'Name', value: 'accountHandles' } },
                { kind: 'Field', name: { kind: 'Name', value: 'keywords' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sentiments' } },
                { kind: 'Field', name: { kind: 'Name', value: 'sources' } },
                { kind: 'Field', name: { kind: 'Name', value: 'matchedRuleIds' } },
                { kind: 'Field', name: { kind: 'Name', value: 'minFollowers' } },
                { kind: 'Field', name: { kind: 'Name', value: 'vip' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<ReplaceRoutingRulesMutation, ReplaceRoutingRulesMutationVariables>;
