import 'reflect-metadata';
import { Controller, Get, Module, NotFoundException, Param } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';

/**
 * bench:http's baseline, in a process of its own as the product is: a bare NestJS app whose one
 * GET route reads an application row by primary key with one pg query (pool as large as the product's).
 */
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 20 });

@Controller('applications')
class BareApplicationsController {
  @Get(':id')
  async one(@Param('id') id: string): Promise<Record<string, unknown>> {
    const { rows } = await pool.query({ name: 'bare-application', text: 'SELECT * FROM applications WHERE id = $1', values: [id] });
    if (!rows[0]) throw new NotFoundException();
    return rows[0];
  }
}

@Module({ controllers: [BareApplicationsController] })
class BareModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(BareModule, { logger: false });
  await app.listen(Number(process.env.PORT), '127.0.0.1');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
