import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { Providers } from "./components/Providers";
import { catalogs, LOCALE_COOKIE, resolveLocale } from "../lib/i18n/config";
// The Korean web font, self-hosted from the npm package (no font CDN): regular and bold, split by unicode-range.
import "@fontsource/noto-sans-kr/400.css";
import "@fontsource/noto-sans-kr/700.css";
import "./globals.css";

export const metadata: Metadata = { title: "RNN Classroom · RNN 교실", description: "Train character-level RNNs together in the browser" };
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return (
    <html lang={locale}>
      <body>
        <Providers locale={locale} messages={catalogs[locale]}>
          {children}
        </Providers>
      </body>
    </html>
  );
}
