import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../config/env.ts';
import { ConfigError } from '../../../src/errors.ts';
import { matchesCredentials, parseBasicAuth } from '../../../src/ops/basic-auth.ts';
import { acceptsHost, isLoopback, parseHostHeader } from '../../../src/ops/host-check.ts';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('Host check', () => {
  it('knows loopback addresses and names', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LocalHost'])
      assert.ok(isLoopback(host), host);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'localhost.example', '128.0.0.1'])
      assert.ok(!isLoopback(host), host);
  });

  it('splits a Host header into name and port, refusing what is not a host', () => {
    assert.deepEqual(parseHostHeader('LocalHost:8080'), { name: 'localhost', port: 8080 });
    assert.deepEqual(parseHostHeader('[::1]:3000'), { name: '[::1]', port: 3000 });
    assert.deepEqual(parseHostHeader('example.org'), { name: 'example.org', port: null });
    for (const bad of ['user@host:1', 'host:99999', 'host:', 'a b', 'host/path', '']) {
      assert.equal(parseHostHeader(bad), null, bad);
    }
  });

  it('bound to loopback: accepts 127.0.0.1, localhost and [::1] with the port, nothing else', () => {
    for (const boundHost of ['127.0.0.1', '::1', 'localhost']) {
      const options = { boundHost, port: 8080 };
      for (const host of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', 'LOCALHOST:8080']) {
        assert.ok(acceptsHost(host, options), `${boundHost} ${host}`);
      }
      for (const host of [undefined, '127.0.0.1', 'localhost:8081', 'evil.example:8080', '127.0.0.2:8080', '[::1]']) {
        assert.ok(!acceptsHost(host, options), `${boundHost} ${String(host)}`);
      }
    }
    assert.ok(acceptsHost('localhost', { boundHost: '127.0.0.1', port: 80 }), 'the default port may be left out');
  });

  it('bound elsewhere: accepts the bound host with its port and each allowed host, not loopback names', () => {
    const options = { boundHost: '10.1.2.3', port: 8080, allowedHosts: ['letters.example', 'ops.example:9000'] };
    for (const host of ['10.1.2.3:8080', 'letters.example', 'letters.example:443', 'ops.example:9000']) {
      assert.ok(acceptsHost(host, options), host);
    }
    for (const host of ['127.0.0.1:8080', 'localhost:8080', 'ops.example:9001', 'ops.example', 'evil.example:8080']) {
      assert.ok(!acceptsHost(host, options), host);
    }
    assert.ok(acceptsHost('[fd00::1]:8080', { boundHost: 'fd00::1', port: 8080 }));
  });
});

describe('dashboard credentials', () => {
  it('reads basic credentials, the password keeping its colons', () => {
    assert.deepEqual(parseBasicAuth(basic('ops:a:b c')), { user: 'ops', password: 'a:b c' });
    assert.equal(parseBasicAuth('Bearer x'), null);
    assert.equal(parseBasicAuth(basic('no-colon')), null);
    assert.equal(parseBasicAuth(undefined), null);
  });

  it('matches only the exact user and password', () => {
    const expected = { user: 'ops', password: 's3cret: pass' };
    assert.ok(matchesCredentials(basic('ops:s3cret: pass'), expected));
    for (const given of ['ops:s3cret: pas', 'ops:s3cret: pass ', 'Ops:s3cret: pass', ':s3cret: pass', 'ops:']) {
      assert.ok(!matchesCredentials(basic(given), expected), given);
    }
    assert.ok(!matchesCredentials(undefined, expected));
  });

  it('takes DASHBOARD_USER and DASHBOARD_PASSWORD together or not at all, never printing the password', () => {
    assert.equal(loadConfig({}).dashboardAuth, null);
    assert.deepEqual(loadConfig({ DASHBOARD_USER: 'ops', DASHBOARD_PASSWORD: 'hunter2hunter2' }).dashboardAuth, {
      user: 'ops',
      password: 'hunter2hunter2',
    });
    for (const env of [{ DASHBOARD_USER: 'ops' }, { DASHBOARD_PASSWORD: 'hunter2hunter2' }]) {
      assert.throws(
        () => loadConfig(env),
        (error: unknown) =>
          error instanceof ConfigError &&
          /set both DASHBOARD_USER and DASHBOARD_PASSWORD/.test(error.message) &&
          !error.message.includes('hunter2'),
      );
    }
    assert.throws(
      () => loadConfig({ DASHBOARD_USER: 'o:ps', DASHBOARD_PASSWORD: 'hunter2hunter2' }),
      (error: unknown) =>
        error instanceof ConfigError && /DASHBOARD_USER=o:ps/.test(error.message) && !error.message.includes('hunter2'),
    );
  });
});
