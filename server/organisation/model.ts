/**
 * The organisation's records as the directory lists them: regions (with their service centre), departments,
 * positions and who holds them.
 */
import type { PositionKind } from '../../engine/core/organisation.js';
import type { RegionLevel } from './division-codes.js';

/** A region of the platform with its service centre (政务服务中心 / 便民服务中心). */
export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parent?: string;
  centre: string;
  disabled: boolean;
}

/** A department (实施部门) under a region. */
export interface Department {
  id: string;
  name: string;
  region: string;
  disabled: boolean;
}

/** A position within a department and the users holding it. */
export interface Position {
  id: string;
  department: string;
  kind: PositionKind;
  name: string;
  leader?: string;
  holders: string[];
  disabled: boolean;
}

/** The whole organisation, as `GET /api/org` answers it. */
export interface Organisation {
  regions: Region[];
  departments: Department[];
  positions: Position[];
}

/** The Chinese name of each position kind. */
export const POSITION_TITLES: Readonly<Record<PositionKind, string>> = {
  clerk: '科员',
  'section-chief': '科长',
  'deputy-head': '分管领导',
  head: '负责人',
};
