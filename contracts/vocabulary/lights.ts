/**
 * The lights of 电子监察 (红黄绿灯), one list for the clocks that compute them, the API that reports them and
 * the pages that show them: green, yellow the early warning (预警), red overdue (超期), paused while a clock
 * is suspended (行政许可法 第45条).
 */
export const LIGHTS = ['green', 'yellow', 'red', 'paused'] as const;

/** A light of a case, a clock or a task. */
export type Light = (typeof LIGHTS)[number];
