/**
 * Item codes reserved by the reform office (审改办), which keeps the item catalogue: a department admin
 * deploys only new versions of the items of their department, and a new item only under a code the reform
 * office reserved for that department. A reservation is never taken over by another department.
 */
import type { Knex } from 'knex';

/** A reserved item code. */
export interface ItemReservation {
  code: string;
  department: string;
  name?: string;
  reservedBy: string;
  reservedAt: string;
}

/** Why a reservation is refused: the code is reserved for, or deployed by, another department. */
export interface ReservationConflict {
  code: 'ITEM_CODE_RESERVED_ELSEWHERE';
  message: string;
  details: { itemCode: string; department: string };
}

/** The reservation of `code`, if any. */
export async function reservationOf(knex: Knex, code: string): Promise<ItemReservation | undefined> {
  const row = await knex('item_reservations').where({ code }).first();
  return row ? toReservation(row) : undefined;
}

/** Reservations ordered by code, optionally of one department. */
export async function listReservations(knex: Knex, department?: string): Promise<ItemReservation[]> {
  const query = knex('item_reservations').orderBy('code');
  if (department !== undefined) query.where({ department });
  return (await query).map(toReservation);
}

/**
 * Reserves `code` for `department`. Idempotent for the same department; a conflict when the code is reserved
 * for another, or already implemented or owned (a plain definition of that key) by another.
 */
export async function reserveItemCode(
  knex: Knex,
  args: { code: string; department: string; name?: string; by: string; at: string },
): Promise<{ ok: true; reservation: ItemReservation; created: boolean } | { ok: false; conflict: ReservationConflict }> {
  return knex.transaction(async (trx) => {
    const existing = await trx('item_reservations').where({ code: args.code }).first();
    const item = await trx('items').where({ code: args.code }).first('department');
    const owner = await trx('definition_departments').where({ key: args.code }).first('department');
    const holder = (existing?.department ?? item?.department ?? owner?.department) as string | undefined;
    if (holder !== undefined && holder !== args.department) {
      return { ok: false as const, conflict: { code: 'ITEM_CODE_RESERVED_ELSEWHERE' as const, message: `Item code '${args.code}' is taken by department '${holder}'; it cannot be reserved for '${args.department}'`, details: { itemCode: args.code, department: holder } } };
    }
    if (existing) return { ok: true as const, reservation: toReservation(existing), created: false };
    const row = { code: args.code, department: args.department, name: args.name ?? null, reserved_by: args.by, reserved_at: args.at };
    // A concurrent reservation of the same code may have won: ignore the conflict and read what is stored.
    await trx('item_reservations').insert(row).onConflict('code').ignore();
    const stored = toReservation((await trx('item_reservations').where({ code: args.code }).first())!);
    if (stored.department !== args.department) {
      return { ok: false as const, conflict: { code: 'ITEM_CODE_RESERVED_ELSEWHERE' as const, message: `Item code '${args.code}' is taken by department '${stored.department}'; it cannot be reserved for '${args.department}'`, details: { itemCode: args.code, department: stored.department } } };
    }
    return { ok: true as const, reservation: stored, created: true };
  });
}

function toReservation(row: Record<string, unknown>): ItemReservation {
  const at = row.reserved_at;
  return {
    code: String(row.code), department: String(row.department), ...(row.name ? { name: String(row.name) } : {}),
    reservedBy: String(row.reserved_by), reservedAt: at instanceof Date ? at.toISOString() : String(at),
  };
}
