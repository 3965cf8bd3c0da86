import { PasswordHasher } from './password-hasher';

describe('PasswordHasher', () => {
  it('hashes at the cost it is given, and verifies hashes made at another cost', async () => {
    const cheap = new PasswordHasher({ memoryCost: 64, timeCost: 1, parallelism: 1 });
    const hash = await cheap.hash('exchange-meeting-at-noon');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=64,p=1,t=1\$/);
    const other = new PasswordHasher({ memoryCost: 128, timeCost: 2, parallelism: 1 });
    await expect(other.verify(hash, 'exchange-meeting-at-noon')).resolves.toBe(true);
    await expect(other.verify(hash, 'exchange-meeting-at-one')).resolves.toBe(false);
    await expect(other.verify(undefined, 'exchange-meeting-at-noon')).resolves.toBe(false);
  });
});
