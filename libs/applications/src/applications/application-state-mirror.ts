import { Injectable, OnModuleInit } from '@nestjs/common';
import { StateMirrors } from '@awardflow/workflow';
import { APPLICATION_SUBJECT } from './application.entity';

/**
 * applications.state mirrors the application's workflow state: the engine writes it in the same
 * statement as every transition of an application (fire, fireMany, start), hanging off the claim,
 * so it never differs from the instance once committed. The list filters by it along the index of
 * migration 1795562810000 instead of joining every instance of the scope. Registered in the API
 * and the worker alike (both fire transitions: routes, timers, cycle close).
 */
@Injectable()
export class ApplicationStateMirror implements OnModuleInit {
  constructor(private readonly mirrors: StateMirrors) {}

  onModuleInit(): void {
    this.mirrors.register(APPLICATION_SUBJECT, { table: 'applications', keyColumn: 'id', stateColumn: 'state' });
  }
}
