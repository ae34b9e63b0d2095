import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { DomainError, ErrorCode, IngestRpc, type AgentRole } from '@roost/contracts';
import { RpcServer } from '@roost/messaging';
import { AccountsBootstrap } from '../accounts/accounts.bootstrap';
import { ListeningAdminRepository } from '../accounts/listening-admin.repository';
import { FilteredStreamSource } from '../sources/filtered-stream.source';

function requireManager(role: AgentRole): void {
  if (role !== 'supervisor' && role !== 'admin') {
    throw new DomainError(ErrorCode.Forbidden, 'only supervisors and admins manage listening', { reason: 'ROLE_REQUIRED' });
  }
}

/**
 * Listening management for the gateway: list, add and remove a brand's rules and accounts. After
 * a change the directory is refreshed and the X stream rules re-synced by diff before answering,
 * so "added" means "being listened for".
 */
@Injectable()
export class ListeningRequests implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly admin: ListeningAdminRepository,
    private readonly accounts: AccountsBootstrap,
    private readonly stream: FilteredStreamSource,
  ) {}

  /** Only the changed brand is re-read: a change costs the same however many brands ingest serves. */
  private async applied(brandId: string): Promise<void> {
    await this.accounts.resolveAndRefresh(brandId);
    await this.stream.syncRulesIfEnabled();
  }

  async onApplicationBootstrap(): Promise<void> {
    this.rpc.serve(IngestRpc.GetListening, async ({ brandId, actorRole }) => {
      requireManager(actorRole);
      const [rules, accounts] = await Promise.all([this.admin.listRules(brandId), this.admin.listAccounts(brandId)]);

      return { rules, accounts };
    });
    this.rpc.serve(IngestRpc.AddRule, async ({ brandId, actorRole, kind, value, language }) => {
      requireManager(actorRole);
      const rule = await this.admin.addRule({ brandId, kind, value: value.trim(), language: language ?? null });
      await this.applied(brandId);

      return rule;
    });
    this.rpc.serve(IngestRpc.RemoveRule, async ({ brandId, actorRole, id }) => {
      requireManager(actorRole);
      const removed = await this.admin.removeRule(brandId, id);
      if (removed) await this.applied(brandId);

      return { removed };
    });
    this.rpc.serve(IngestRpc.AddAccount, async (req) => {
      requireManager(req.actorRole);
      const account = await this.admin.addAccount({
        brandId: req.brandId,
        handle: req.handle.replace(/^@/, ''),
        role: req.role,
        apiTier: req.apiTier ?? 'pro',
        pollMentions: req.pollMentions ?? true,
        pollDms: req.pollDms ?? true,
        ...(req.brandName ? { brandName: req.brandName } : {}),
      });
      await this.applied(req.brandId);
      const resolved = (await this.admin.listAccounts(req.brandId)).find((a) => a.id === account.id);

      return resolved ?? account;
    });
    this.rpc.serve(IngestRpc.RemoveAccount, async ({ brandId, actorRole, id }) => {
      requireManager(actorRole);
      const removed = await this.admin.removeAccount(brandId, id);
      if (removed) await this.applied(brandId);

      return { removed };
    });
    await this.rpc.ready();
  }
}
