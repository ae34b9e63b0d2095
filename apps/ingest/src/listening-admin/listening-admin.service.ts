import { Injectable } from '@nestjs/common';
import {
  requireRole,
  type AgentRole,
  type IngestRpc,
  type RpcRequest,
  type RpcResponse,
} from '@roost/contracts';
import { AccountsBootstrap } from '../accounts/accounts.bootstrap';
import { ListeningAdminRepository } from '../data/listening-admin.repository';
import { FilteredStreamSource } from '../sources/filtered-stream.source';

type Request<K extends keyof typeof IngestRpc> = RpcRequest<(typeof IngestRpc)[K]>;
type Response<K extends keyof typeof IngestRpc> = RpcResponse<(typeof IngestRpc)[K]>;

function requireManager(role: AgentRole): void {
  requireRole(role, 'supervisor');
}

/**
 * Listening management: list, add and remove a brand's rules and accounts (supervisors and admins
 * only). After a change the directory is refreshed and the X stream rules re-synced by diff before
 * answering, so "added" means "being listened for".
 */
@Injectable()
export class ListeningAdminService {
  constructor(
    private readonly admin: ListeningAdminRepository,
    private readonly accounts: AccountsBootstrap,
    private readonly stream: FilteredStreamSource,
  ) {}

  /** Only the changed brand is re-read: a change costs the same however many brands ingest serves. */
  private async applied(brandId: string): Promise<void> {
    await this.accounts.resolveAndRefresh(brandId);
    await this.stream.syncRulesIfEnabled();
  }

  async get({ brandId, actorRole }: Request<'GetListening'>): Promise<Response<'GetListening'>> {
    requireManager(actorRole);
    const [rules, accounts] = await Promise.all([
      this.admin.listRules(brandId),
      this.admin.listAccounts(brandId),
    ]);

    return { rules, accounts };
  }

  async addRule({
    brandId,
    actorRole,
    kind,
    value,
    language,
  }: Request<'AddRule'>): Promise<Response<'AddRule'>> {
    requireManager(actorRole);
    const rule = await this.admin.addRule({ brandId, kind, value: value.trim(), language: language ?? null });
    await this.applied(brandId);

    return rule;
  }

  async removeRule({ brandId, actorRole, id }: Request<'RemoveRule'>): Promise<Response<'RemoveRule'>> {
    requireManager(actorRole);
    const removed = await this.admin.removeRule(brandId, id);
    if (removed) await this.applied(brandId);

    return { removed };
  }

  async addAccount(req: Request<'AddAccount'>): Promise<Response<'AddAccount'>> {
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
  }

  async removeAccount({
    brandId,
    actorRole,
    id,
  }: Request<'RemoveAccount'>): Promise<Response<'RemoveAccount'>> {
    requireManager(actorRole);
    const removed = await this.admin.removeAccount(brandId, id);
    if (removed) await this.applied(brandId);

    return { removed };
  }
}
