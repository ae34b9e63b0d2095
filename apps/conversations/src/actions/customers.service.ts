import { Injectable } from '@nestjs/common';
import { DomainError, type ConversationsRpc, type CustomerProfile, type RpcRequest } from '@roost/contracts';
import { CustomerRepository } from '../data/customer.repository';

type UpdateCustomerRequest = RpcRequest<typeof ConversationsRpc.UpdateCustomer>;

/** The customer profile agents see and edit (VIP, tags, notes). */
@Injectable()
export class CustomersService {
  constructor(private readonly customers: CustomerRepository) {}

  async profile(brandId: string, customerId: string): Promise<CustomerProfile> {
    const profile = await this.customers.profile(brandId, customerId);
    if (!profile) throw DomainError.notFound('customer', customerId);

    return profile;
  }

  async update(r: UpdateCustomerRequest): Promise<CustomerProfile> {
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
