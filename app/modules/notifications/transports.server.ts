import nodemailer from "nodemailer";

export interface EmailTransport {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
}

/** One interface for every SMS gateway; the default writes to the server log. */
export interface SmsTransport {
  send(message: { to: string; text: string }): Promise<void>;
}

export function smtpTransport(smtpUrl: string, from: string): EmailTransport {
  const transporter = nodemailer.createTransport(smtpUrl);
  return {
    async send({ to, subject, text }) {
      await transporter.sendMail({ from, to, subject, text });
    },
  };
}

/** Until a gateway is wired: each message becomes a log line (the server's logger). */
export function logSmsTransport(log: (fields: { to: string; characters: number }) => void): SmsTransport {
  return {
    async send({ to, text }) {
      // the last four digits are enough to follow a message in the log
      log({ to: `…${to.slice(-4)}`, characters: text.length });
    },
  };
}
