import { HttpException } from '@nestjs/common';
import { assertTenant } from './assert-tenant';
import type { Caller } from './caller';

const carla: Caller = {
  subject: 'carla.sachbearbeitung',
  displayName: 'Carla Krause',
  roles: new Set(['caseworker']),
  tenants: new Map([['musterstadt', { groups: ['standesamt'] }]]),
};

describe('assertTenant', () => {
  it("returns the caller's membership in its own tenant", () => {
    expect(assertTenant(carla, 'musterstadt')).toEqual({ groups: ['standesamt'] });
  });

  it('answers 404 tenant-not-found for a tenant the caller does not belong to, whether or not it exists', () => {
    // when / then
    let thrown: unknown;
    try {
      assertTenant(carla, 'leipzig');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(HttpException);
    expect((thrown as HttpException).getStatus()).toBe(404);
    expect((thrown as HttpException).getResponse()).toEqual({
      type: 'urn:laufweg:problem:tenant-not-found',
      title: 'Tenant not found',
      status: 404,
      detail: "Tenant 'leipzig' does not exist or you are not a member.",
    });
  });
});
