import { Injectable } from '@nestjs/common';
import {
  DomainError,
  forbidden,
  managesBrand,
  type ConversationsRpc,
  type CustomerProfile,
  type RpcRequest,
} from '@roost/contracts';
import { ActorRoles } from '@roost/messaging';
import { CustomerRepository } from '../data/customer.repository';

type UpdateCustomerRequest = RpcRequest<typeof ConversationsRpc.UpdateCustomer>;

/**
 * The customer profile agents see and edit (VIP, tags, notes). The VIP flag moves routing (priority
 * boost, `vip` rules), so changing it is for supervisors and admins, judged by the actor's current
 * role as routing knows it (ActorRoles), never the request's `agentRole`; tags and notes stay open
 * to agents.
 */
@Injectable()
export class CustomersService {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly roles: ActorRoles,
  ) {}

  async profile(brandId: string, customerId: string): Promise<CustomerProfile> {
    const profile = await this.customers.profile(brandId, customerId);
    if (!profile) throw DomainError.notFound('customer', customerId);

    return profile;
  }

  async update(r: UpdateCustomerRequest): Promise<CustomerProfile> {
    if (r.vip !== undefined) {
      const role = await this.roles.current(r.brandId, r.agentId);
      if (!managesBrand(role)) {
        throw forbidden('ROLE', "supervisors and admins only change a customer's VIP flag", {
          required: ['supervisor', 'admin'],
          role,
        });
      }
    }
    const found = await this.customers.update({ actor: r, ...r });
    if (!found) throw DomainError.notFound('customer', r.customerId);
    if (r.note) {
      await this.customers.addNote({
        actor: r,
        initials: r.agentInitials,
        customerId: r.customerId,
        text: r.note,
      });
    }

    return this.profile(r.brandId, r.customerId);
  }
}
