import { registerEnumType } from '@nestjs/graphql';

export const AgentStatusEnum = { ONLINE: 'online', AWAY: 'away', OFFLINE: 'offline' } as const;
registerEnumType(AgentStatusEnum, { name: 'AgentStatus' });
export type AgentStatus = (typeof AgentStatusEnum)[keyof typeof AgentStatusEnum];
