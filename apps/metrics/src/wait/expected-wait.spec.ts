import { expectedWaitSeconds } from './expected-wait';

describe('expected wait', () => {
  it('is zero while free slots outnumber the waiting, then one turnover per handle time / slots', () => {
    expect(expectedWaitSeconds({ waiting: 1, slots: 6, free: 2, handleSeconds: 600 })).toBe(0);
    // 5 waiting, 2 free: the new arrival is 4th in line behind the free slots → 4 × 600 / 6 = 400 s.
    expect(expectedWaitSeconds({ waiting: 5, slots: 6, free: 2, handleSeconds: 600 })).toBe(400);
    expect(expectedWaitSeconds({ waiting: 0, slots: 3, free: 0, handleSeconds: 900 })).toBe(300);
  });

  it('is unbounded (null) when nobody staffs the queue', () => {
    expect(expectedWaitSeconds({ waiting: 3, slots: 0, free: 0, handleSeconds: 600 })).toBeNull();
  });
});
