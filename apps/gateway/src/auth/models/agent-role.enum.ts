import { registerEnumType } from '@nestjs/graphql';

/** GraphQL names are upper-case; the values are the contract's (`'agent'`), so mapping is identity. */
export const AgentRoleEnum = { AGENT: 'agent', SUPERVISOR: 'supervisor', ADMIN: 'admin' } as const;

registerEnumType(AgentRoleEnum, { name: 'AgentRole' });
