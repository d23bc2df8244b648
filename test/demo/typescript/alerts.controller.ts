// Alert rules for log streams (NestJS).
import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpException,
  HttpStatus,
  NotFoundException,
  Param,
  ParseIntPipe,
  Post,
  Query,
  ServiceUnavailableException,
} from '@nestjs/common';

interface AlertRule {
  id: number;
  stream: string;
  query: string;
  thresholdPerMinute: number;
}

const DEFAULT_PAGE_SIZE = 25;
const MAX_QUERY_LENGTH = 2048;
const EVALUATION_WINDOW_SECONDS = 300;

@Controller('v2/alert-rules')
export class AlertsController {
  private readonly rules = new Map<number, AlertRule>();
  private nextId = 1;
  private evaluatorOnline = true;

  @Get()
  list(@Query('pageSize') pageSize = DEFAULT_PAGE_SIZE): AlertRule[] {
    return [...this.rules.values()].slice(0, Math.min(pageSize, 200));
  }

  @Get(':id')
  get(@Param('id', ParseIntPipe) id: number): AlertRule {
    const rule = this.rules.get(id);
    if (!rule) throw new NotFoundException(`Alert rule ${id} does not exist`);
    return rule;
  }

  @Post()
  @HttpCode(HttpStatus.CREATED)
  create(@Body() body: Omit<AlertRule, 'id'>): AlertRule {
    if (body.query.length > MAX_QUERY_LENGTH) {
      throw new BadRequestException(`The query is longer than ${MAX_QUERY_LENGTH} characters`);
    }
    if (!this.evaluatorOnline) {
      throw new ServiceUnavailableException('The rule evaluator is restarting, try again in a minute');
    }
    if (body.thresholdPerMinute * EVALUATION_WINDOW_SECONDS > 1_000_000) {
      throw new HttpException('The threshold is out of range', HttpStatus.UNPROCESSABLE_ENTITY);
    }
    const rule = { id: this.nextId++, ...body };
    this.rules.set(rule.id, rule);
    return rule;
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id', ParseIntPipe) id: number): void {
    if (!this.rules.delete(id)) {
      throw new HttpException('Alert rule not found', HttpStatus.NOT_FOUND);
    }
  }
}
