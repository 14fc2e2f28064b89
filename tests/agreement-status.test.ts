import { describe, expect, it } from 'vitest';
import { type AgreementStatus, agreementStatus } from '../src/features/agreements/agreement-status.ts';

type Dates = { signedOn: string | null; validFrom: string | null; validTo: string | null };

const ulf: Dates = { signedOn: null, validFrom: '2017-01-01', validTo: '2025-12-31' };
const noDates: Dates = { signedOn: null, validFrom: null, validTo: null };
const threeYears: Dates = { signedOn: '2023-11-20', validFrom: '2024-01-01', validTo: '2026-12-31' };

describe('agreementStatus', () => {
  it.each<[string, Dates, string, AgreementStatus]>([
    ['shows the ULF agreement as ended after 2025', ulf, '2026-11-27', 'ended'],
    ['shows the ULF agreement as ended the day after its last day', ulf, '2026-01-01', 'ended'],
    ['shows the ULF agreement as expiring on its last day', ulf, '2025-12-31', 'expiring'],
    ['shows the ULF agreement as active in 2020', ulf, '2020-06-01', 'active'],
    ['shows the ULF agreement as a draft before it starts', ulf, '2016-12-31', 'draft'],
    ['counts exactly 90 days left as expiring', threeYears, '2026-10-02', 'expiring'],
    ['counts 91 days left as active', threeYears, '2026-10-01', 'active'],
    ['counts an agreement as active on its first day', threeYears, '2024-01-01', 'active'],
    ['shows an agreement as a draft before valid_from', threeYears, '2023-12-31', 'draft'],
    ['takes an agreement without dates as active', noDates, '2026-11-27', 'active'],
    [
      'takes an agreement with only a start date as active once started',
      { ...noDates, validFrom: '2020-01-01' },
      '2026-11-27',
      'active',
    ],
    [
      'takes an agreement with only an end date as expiring near it',
      { ...noDates, validTo: '2027-01-15' },
      '2026-11-27',
      'expiring',
    ],
    [
      'takes an agreement with only an end date as ended after it',
      { ...noDates, validTo: '2026-01-15' },
      '2026-11-27',
      'ended',
    ],
  ])('%s', (_behaviour, agreement, today, expected) => {
    expect(agreementStatus(agreement, today)).toBe(expected);
  });
});
