import { SetMetadata } from '@nestjs/common';
import type { AgentRole } from '@roost/contracts';

export const REQUIRED_ROLES = 'roost:required-roles';

/** Restricts a root field (or a whole resolver) to these roles, e.g. `@Roles('supervisor', 'admin')`. */
export const Roles = (...roles: AgentRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);
