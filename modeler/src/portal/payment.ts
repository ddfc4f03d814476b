/**
 * The payment-provider port of the portal: a provider takes the applicant through paying the fees of a case
 * and returns a receipt; the portal then confirms the payment to the case (POST /api/cases/:caseNo/payments).
 * The default provider is simulated: it asks for confirmation in the page and issues a reference, so the
 * whole flow can be tried without a payment platform. A real one (a unified public payment platform) plugs
 * in with {@link setPaymentProvider}.
 */
import type { Http } from '../ui/http.js';

/** What is to be paid. */
export interface PaymentRequest {
  caseNo: string;
  amount: number;
  description: string;
}

/** The provider's proof of payment. */
export interface PaymentReceipt {
  provider: string;
  reference: string;
  amount: number;
  paidAt: string;
}

/** A payment provider: pays `request`, or throws when the applicant cancels or the payment fails. */
export interface PaymentProvider {
  readonly name: string;
  pay(request: PaymentRequest): Promise<PaymentReceipt>;
}

/** The simulated provider: confirms in the page and returns `SIM-<case>-<time>` as the reference. */
export class SimulatedPaymentProvider implements PaymentProvider {
  readonly name = 'simulated';

  constructor(private readonly confirm: (request: PaymentRequest) => Promise<boolean>, private readonly now: () => Date = () => new Date()) {}

  async pay(request: PaymentRequest): Promise<PaymentReceipt> {
    if (!(await this.confirm(request))) throw new Error('payment cancelled');
    const at = this.now();
    return { provider: this.name, reference: `SIM-${request.caseNo}-${at.getTime().toString(36).toUpperCase()}`, amount: request.amount, paidAt: at.toISOString() };
  }
}

let provider: PaymentProvider | undefined;

/** Replaces the payment provider (for a deployment with a real payment platform). */
export function setPaymentProvider(next: PaymentProvider): void {
  provider = next;
}

/** The provider in use; the simulated one, confirming with `confirm`, unless another was set. */
export function paymentProvider(confirm: (request: PaymentRequest) => Promise<boolean>): PaymentProvider {
  return provider ?? new SimulatedPaymentProvider(confirm);
}

/** Pays through the provider and records the receipt with the case. */
export async function payAndConfirm(http: Http, payer: PaymentProvider, request: PaymentRequest): Promise<PaymentReceipt> {
  const receipt = await payer.pay(request);
  // The reference carries the provider's own prefix (SIM- for the simulated one).
  await http.post(`/api/cases/${encodeURIComponent(request.caseNo)}/payments`, { amount: receipt.amount, reference: receipt.reference });
  return receipt;
}
