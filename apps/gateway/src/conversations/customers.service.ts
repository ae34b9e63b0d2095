import { Injectable } from '@nestjs/common';
import {
  ConversationsRpc,
  DomainError,
  forbidden,
  managesBrand,
  type BrandGuidelines,
  type CannedReply,
  type CustomerProfile,
} from '@roost/contracts';
import { RpcClient } from '@roost/messaging';
import { BrandScope } from '../common/access/brand-scope.service';
import { defined } from '../common/access/defined';
import type { AgentContext } from '../common/context/agent-context';
import { actor } from './conversation-actions.service';
import type { SetGuidelinesArgs, UpdateCustomerArgs } from './dto/customer.args';
import type { BrandGuidelinesGql } from './models/customer-profile.model';

/** Customers (brand-wide: every agent of the brand may see them), canned replies and brand guidelines. */
@Injectable()
export class CustomersService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly scope: BrandScope,
  ) {}

  async get(agent: AgentContext, customerId: string): Promise<CustomerProfile | null> {
    try {
      const c = await this.rpc.request(ConversationsRpc.GetCustomer, { brandId: agent.brandId, customerId });

      return c.brandId === agent.brandId ? c : null;
    } catch (err) {
      if (err instanceof DomainError && err.code === 'NOT_FOUND') return null;
      throw err;
    }
  }

  /** Tags and notes: any agent of the brand. The VIP flag moves routing: supervisors and admins (conversations checks again). */
  async update(agent: AgentContext, args: UpdateCustomerArgs): Promise<CustomerProfile> {
    if (args.vip !== undefined && args.vip !== null && !managesBrand(agent.role)) {
      throw forbidden('ROLE', "supervisors and admins only change a customer's VIP flag", {
        required: ['supervisor', 'admin'],
      });
    }
    if (!(await this.get(agent, args.customerId))) throw DomainError.notFound('customer', args.customerId);

    return this.rpc.request(ConversationsRpc.UpdateCustomer, { ...actor(agent), ...defined({ ...args }) });
  }

  async canned(agent: AgentContext, language: string | undefined): Promise<CannedReply[]> {
    const { replies } = await this.rpc.request(ConversationsRpc.ListCanned, {
      brandId: agent.brandId,
      ...(language ? { language } : {}),
    });

    return replies;
  }

  saveCanned(
    agent: AgentContext,
    r: { language: string; title: string; body: string },
  ): Promise<CannedReply> {
    return this.rpc.request(ConversationsRpc.SaveCanned, {
      ...actor(agent),
      language: r.language,
      title: r.title,
      body: r.body,
    });
  }

  async guidelines(agent: AgentContext): Promise<BrandGuidelinesGql> {
    return toGql(await this.rpc.request(ConversationsRpc.GetGuidelines, { brandId: agent.brandId }));
  }

  async setGuidelines(agent: AgentContext, args: SetGuidelinesArgs): Promise<BrandGuidelinesGql> {
    const queueIds = args.queueHours.map((h) => h.queueId).filter((id) => id !== 'default');
    await this.scope.assertQueues(agent, queueIds);
    const guidelines: BrandGuidelines = {
      bannedPhrases: [...args.bannedPhrases],
      queueHours: Object.fromEntries(args.queueHours.map((h) => [h.queueId, h.hours])),
    };

    return toGql(await this.rpc.request(ConversationsRpc.SetGuidelines, { ...actor(agent), guidelines }));
  }
}

function toGql(g: BrandGuidelines): BrandGuidelinesGql {
  return {
    bannedPhrases: g.bannedPhrases,
    queueHours: Object.entries(g.queueHours).map(([queueId, hours]) => ({ queueId, hours })),
  };
}
