import type { IncomingMessage } from 'node:http';
import type { ComplianceJobStatus, ComplianceJobType, SimComplianceJob } from '../compliance/compliance-jobs';
import { HttpProblem } from '../http/http-problem';
import { readBodyText, readJsonBody, scalarText } from '../http/http-io';
import type { Router } from '../http/router';
import type { SimContext } from '../http/sim-context';
import type { UserComplianceReason } from '../x-sim.types';

const TYPES: ComplianceJobType[] = ['tweets', 'users'];
const STATUSES: ComplianceJobStatus[] = ['created', 'in_progress', 'complete', 'expired', 'failed'];
const MAX_UPLOAD_BYTES = 3 * 1024 * 1024;

function jobType(value: string | null | undefined): ComplianceJobType {
  if (!value || !TYPES.includes(value as ComplianceJobType)) {
    throw HttpProblem.invalidRequest('`type` must be one of tweets, users', {
      name: 'type',
      value: value ?? '',
    });
  }

  return value as ComplianceJobType;
}

/** The upload and download URLs point back at this emulator, as X's point at its storage. */
function wire(
  job: SimComplianceJob,
  req: IncomingMessage,
): Omit<SimComplianceJob, 'results'> & { upload_url: string; download_url: string } {
  const base = `http://${req.headers.host ?? '127.0.0.1'}`;
  const { results: _results, ...rest } = job;

  return {
    ...rest,
    upload_url: `${base}/sim/compliance/uploads/${job.id}`,
    download_url: `${base}/sim/compliance/results/${job.id}`,
  };
}

/**
 * X API v2 batch compliance (`/2/compliance/jobs`), the storage URLs it hands out, and the sim
 * controls that make content disappear: delete a tweet, protect, suspend or deactivate a user.
 */
export function registerComplianceRoutes(router: Router, ctx: SimContext): void {
  router.add({
    method: 'POST',
    pattern: '/2/compliance/jobs',
    auth: 'app',
    handler: async ({ req }) => {
      const body = await readJsonBody(req);
      const job = ctx.compliance.create(jobType(scalarText(body.type)), scalarText(body.name));

      return { status: 200, body: { data: wire(job, req) } };
    },
  });
  router.add({
    method: 'GET',
    pattern: '/2/compliance/jobs/:id',
    auth: 'app',
    handler: ({ req, params }) => {
      const job = ctx.compliance.get(params.id);
      if (!job) {
        throw HttpProblem.notFound(`compliance job ${params.id} not found`);
      }

      return { status: 200, body: { data: wire(job, req) } };
    },
  });
  router.add({
    method: 'GET',
    pattern: '/2/compliance/jobs',
    auth: 'app',
    handler: ({ req, query }) => {
      const status = query.get('status');
      if (status && !STATUSES.includes(status as ComplianceJobStatus)) {
        throw HttpProblem.invalidRequest('`status` is not a job status', { name: 'status', value: status });
      }
      const jobs = ctx.compliance.list(
        jobType(query.get('type')),
        (status ?? undefined) as ComplianceJobStatus | undefined,
      );

      return {
        status: 200,
        body: { data: jobs.map((j) => wire(j, req)), meta: { result_count: jobs.length } },
      };
    },
  });
  // The signed storage URLs: no bearer token, plain text both ways (twitter-api-v2 splits the lines itself).
  router.add({
    method: 'PUT',
    pattern: '/sim/compliance/uploads/:id',
    auth: 'none',
    handler: async ({ req, res, params }) => {
      if (!ctx.compliance.upload(params.id, await readBodyText(req, MAX_UPLOAD_BYTES, 'Upload too large'))) {
        throw HttpProblem.notFound(`no upload expected for job ${params.id}`);
      }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end();

      return undefined;
    },
  });
  router.add({
    method: 'GET',
    pattern: '/sim/compliance/results/:id',
    auth: 'none',
    handler: ({ res, params }) => {
      const job = ctx.compliance.get(params.id);
      if (job?.results === undefined) {
        throw HttpProblem.notFound(`no results for job ${params.id}`);
      }
      res.writeHead(200, {
        'content-type': 'text/plain; charset=utf-8',
        'content-length': Buffer.byteLength(job.results),
      });
      res.end(job.results);

      return undefined;
    },
  });
  router.add({
    method: 'POST',
    pattern: '/sim/tweets/:id/delete',
    auth: 'none',
    handler: ({ params }) => {
      if (!ctx.store.deleteTweet(params.id)) {
        throw HttpProblem.notFound(`tweet ${params.id} not found`);
      }

      return { status: 200, body: { data: { id: params.id, deleted: true } } };
    },
  });
  const withdraw: Array<[string, UserComplianceReason]> = [
    ['protect', 'protected'],
    ['suspend', 'suspended'],
    ['deactivate', 'deactivated'],
  ];
  for (const [verb, reason] of withdraw) {
    // `:user` is an X user id or a handle.
    router.add({
      method: 'POST',
      pattern: `/sim/users/:user/${verb}`,
      auth: 'none',
      handler: ({ params }) => {
        const id = /^[0-9]+$/.test(params.user) ? params.user : ctx.store.userByUsername(params.user)?.id;
        const user = id ? ctx.store.withdrawUser(id, reason) : undefined;
        if (!user) {
          throw HttpProblem.notFound(`user ${params.user} not found`);
        }

        return { status: 200, body: { data: { id: user.id, username: user.username, reason } } };
      },
    });
  }
}
