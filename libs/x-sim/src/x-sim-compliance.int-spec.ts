import { createXClient } from '@roost/x-client';
import { eventually } from '@roost/testing';
import { startXSim } from './x-sim.server';
import type { XSim } from './x-sim.server';

describe('x-sim batch compliance through twitter-api-v2', () => {
  let sim: XSim;

  beforeEach(async () => {
    sim = await startXSim({ seedBrands: true });
  });

  afterEach(() => sim.close());

  it('reports deleted tweets, tweets of withdrawn authors and withdrawn users; leaves the rest and unknown ids out', async () => {
    const kept = sim.injectTweet({ text: '@acmecares all good', authorHandle: 'happy' });
    const deleted = sim.injectTweet({ text: '@acmecares oops', authorHandle: 'regret' });
    const byProtected = sim.injectTweet({ text: '@acmecares private now', authorHandle: 'shy' });
    const shy = sim.store.userByUsername('shy')!;
    const gone = sim.store.ensureUser('gone');
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });

    // Through the sim controls, as the e2e tests and the demo use them.
    const del = await fetch(`${sim.url}/sim/tweets/${deleted.id}/delete`, { method: 'POST' });
    expect(del.status).toBe(200);
    expect((await fetch(`${sim.url}/sim/users/shy/protect`, { method: 'POST' })).status).toBe(200);
    expect((await fetch(`${sim.url}/sim/users/${gone.id}/deactivate`, { method: 'POST' })).status).toBe(200);
    expect((await fetch(`${sim.url}/sim/users/nobody_here/suspend`, { method: 'POST' })).status).toBe(404);

    const tweetsJob = await client.v2.sendComplianceJob({
      type: 'tweets',
      ids: [kept.id, deleted.id, byProtected.id, '123456789'],
    });
    expect(tweetsJob.data).toMatchObject({ type: 'tweets', status: 'created', resumable: false });
    const tweetsDone = (await client.v2.complianceJob(tweetsJob.data.id)).data;
    expect(tweetsDone.status).toBe('complete');
    const tweetResults = await client.v2.complianceJobResult(tweetsDone);
    expect(tweetResults.map((r) => [r.id, r.action, r.reason]).sort()).toEqual(
      [
        [deleted.id, 'delete', 'deleted'],
        [byProtected.id, 'delete', 'protected'],
      ].sort(),
    );
    expect(sim.store.userByUsername('shy')?.protected).toBe(true);

    const usersJob = await client.v2.sendComplianceJob({
      type: 'users',
      ids: [shy.id, gone.id, sim.store.userByUsername('happy')!.id],
    });
    const usersResults = await client.v2.complianceJobResult(
      (await client.v2.complianceJob(usersJob.data.id)).data,
    );
    expect(usersResults.map((r) => [r.id, r.reason]).sort()).toEqual(
      [
        [shy.id, 'protected'],
        [gone.id, 'deactivated'],
      ].sort(),
    );

    const listed = await client.v2.complianceJobs({ type: 'users', status: 'complete' });
    expect(listed.data.map((j) => j.id)).toEqual([usersJob.data.id]);
    // A job takes one upload.
    const again = await fetch(usersJob.data.upload_url, {
      method: 'PUT',
      body: shy.id,
      headers: { 'content-type': 'text/plain' },
    });
    expect(again.status).toBe(404);
  });

  it('keeps a job in progress for its processing time, then completes it with the results of upload time', async () => {
    await sim.close();
    sim = await startXSim({ seedBrands: true, complianceProcessingMs: 1500 });
    const gone = sim.injectTweet({ text: '@acmecares never mind', authorHandle: 'fickle' });
    await fetch(`${sim.url}/sim/tweets/${gone.id}/delete`, { method: 'POST' });
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });
    const job = await client.v2.sendComplianceJob({ type: 'tweets', ids: [gone.id] });
    const running = (await client.v2.complianceJob(job.data.id)).data;
    expect(running.status).toBe('in_progress');
    expect((await fetch(running.download_url)).status).toBe(404);
    expect(
      (await client.v2.complianceJobs({ type: 'tweets', status: 'in_progress' })).data.map((j) => j.id),
    ).toEqual([job.data.id]);
    const done = await eventually(
      async () => {
        const j = (await client.v2.complianceJob(job.data.id)).data;

        return j.status === 'complete' ? j : undefined;
      },
      { what: 'job complete', intervalMs: 100 },
    );
    expect((await client.v2.complianceJobResult(done)).map((r) => [r.id, r.reason])).toEqual([
      [gone.id, 'deleted'],
    ]);
  });

  it('hides a withdrawn author from lookups, search, mentions and the stream, and refuses replies to them', async () => {
    const before = sim.injectTweet({ text: '@acmecares acme skates broke', authorHandle: 'quiet' });
    const client = createXClient({ baseUrl: sim.url, bearerToken: 'app-token' });
    const acme = sim.store.userByUsername('acmecares')!;
    const seen = async () => ({
      lookup: (await client.v2.singleTweet(before.id).catch(() => null))?.data?.id ?? null,
      search: (await client.v2.search('acme skates')).tweets.map((t) => t.id),
      mentions: (await client.v2.userMentionTimeline(acme.id)).tweets.map((t) => t.id),
    });
    expect(await seen()).toEqual({ lookup: before.id, search: [before.id], mentions: [before.id] });

    expect((await fetch(`${sim.url}/sim/users/quiet/protect`, { method: 'POST' })).status).toBe(200);
    const streamed: string[] = [];
    sim.store.onTweet((t) => streamed.push(t.id));
    const after = sim.injectTweet({ text: '@acmecares acme skates, take two', authorHandle: 'quiet' });
    expect(await seen()).toEqual({ lookup: null, search: [], mentions: [] });
    // X says why: a protected author's tweet is an authorization error, not "not found".
    expect((await client.v2.singleTweet(before.id)).errors?.[0]).toMatchObject({
      title: 'Authorization Error',
      resource_id: before.id,
      type: 'https://api.twitter.com/2/problems/not-authorized-for-resource',
    });
    expect((await client.v2.tweets([before.id, '999999'])).errors?.map((e) => e.title)).toEqual([
      'Authorization Error',
      'Not Found Error',
    ]);
    expect(streamed).not.toContain(after.id);
    const user = createXClient({ baseUrl: sim.url, bearerToken: 'sim-user:acmecares' });
    await expect(user.v2.reply('We are on it', before.id)).rejects.toMatchObject({ code: 400 });
    // Deleting stays possible for the author, and the compliance job still reports it.
    expect((await fetch(`${sim.url}/sim/tweets/${before.id}/delete`, { method: 'POST' })).status).toBe(200);
  });
});
