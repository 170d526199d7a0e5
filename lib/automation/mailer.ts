import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

let transport: Transporter | undefined;

export const emailEnabled = () => Boolean(env().YARDSTICK_SMTP_URL);

/** Sends through YARDSTICK_SMTP_URL; throws when it is unset or the server refuses, so the queue retries. */
export async function sendEmail(message: { to: string; subject: string; text: string }): Promise<void> {
  const url = env().YARDSTICK_SMTP_URL;
  if (!url) throw new Error("Email is not configured: set YARDSTICK_SMTP_URL");
  transport ??= nodemailer.createTransport(url);
  await transport.sendMail({ from: env().YARDSTICK_SMTP_FROM, ...message });
}
