/**
 * Join origins (server/network/SPEC.md N1–N4): the pure rule, table-driven, and the real server
 * answering a console opened on loopback with the machine's LAN origin.
 */
import assert from "node:assert/strict";
import { networkInterfaces, type NetworkInterfaceInfo } from "node:os";
import { after, before, describe, it } from "node:test";
import { joinOrigins, lanAddresses } from "../../server/network/joinOrigins";
import { ApiClient } from "../helpers/clients";
import { startTestServer, type TestServer } from "../helpers/server";

function v4(address: string, internal = false): NetworkInterfaceInfo {
  return { address, family: "IPv4", internal, netmask: "255.255.255.0", mac: "00:00:00:00:00:00", cidr: `${address}/24` };
}
const v6: NetworkInterfaceInfo = {
  address: "fd00::2",
  family: "IPv6",
  internal: false,
  netmask: "ffff::",
  mac: "00:00:00:00:00:00",
  cidr: "fd00::2/64",
  scopeid: 0,
};

const laptop = {
  lo: [v4("127.0.0.1", true)],
  docker0: [v4("172.17.0.1")],
  eth0: [v4("10.0.5.20"), v6],
  wlan0: [v4("192.168.0.14")],
  usb0: [v4("169.254.3.3")],
};

describe("join origins (pure rule)", () => {
  const cases: { title: string; host: string; interfaces: Parameters<typeof joinOrigins>[1]; publicUrl?: string; expected: ReturnType<typeof joinOrigins> }[] =
    [
      {
        title: "N2: localhost → LAN addresses, Wi-Fi's 192.168 first, Docker's bridge last",
        host: "localhost:3000",
        interfaces: laptop,
        expected: { source: "lan", origins: ["http://192.168.0.14:3000", "http://10.0.5.20:3000", "http://169.254.3.3:3000", "http://172.17.0.1:3000"] },
      },
      {
        title: "N2: 127.0.0.1 without a port",
        host: "127.0.0.1",
        interfaces: { eth0: [v4("192.0.2.2")] },
        expected: { source: "lan", origins: ["http://192.0.2.2"] },
      },
      {
        title: "N2: [::1] is loopback too",
        host: "[::1]:8080",
        interfaces: { en0: [v4("10.1.1.1")] },
        expected: { source: "lan", origins: ["http://10.1.1.1:8080"] },
      },
      {
        title: "N3: loopback only → the loopback origin, flagged",
        host: "localhost:3000",
        interfaces: { lo: [v4("127.0.0.1", true)], eth0: [v6] },
        expected: { source: "loopbackOnly", origins: ["http://localhost:3000"] },
      },
      {
        title: "N4: opened on a LAN address → that address",
        host: "192.168.0.14:3000",
        interfaces: laptop,
        expected: { source: "request", origins: ["http://192.168.0.14:3000"] },
      },
      {
        title: "N1: PUBLIC_URL wins over loopback",
        host: "localhost:3000",
        interfaces: laptop,
        publicUrl: "https://rnn.school.kr/base",
        expected: { source: "publicUrl", origins: ["https://rnn.school.kr"] },
      },
    ];
  for (const c of cases) {
    it(c.title, () => {
      assert.deepEqual(joinOrigins({ host: c.host, protocol: "http" }, c.interfaces, c.publicUrl), c.expected);
    });
  }
});

describe("join origins (real server)", () => {
  let server: TestServer;
  let withPublicUrl: TestServer;
  before(async () => {
    server = await startTestServer();
    withPublicUrl = await startTestServer({ env: { PUBLIC_URL: "https://class.example.kr" } });
  });
  after(async () => {
    await server.close();
    await withPublicUrl.close();
  });

  async function teacher(url: string) {
    const api = new ApiClient(url);
    await api.ok("signup", { body: { email: `lan-${Math.random()}@school.kr`, password: "correct horse battery", displayName: "선생님" } });
    return api;
  }

  it("N2/N3: a console opened on 127.0.0.1 gets this machine's LAN origin (with the port), not loopback", async () => {
    const reply = await (await teacher(server.url)).ok("joinOrigins");
    const lan = lanAddresses(networkInterfaces());
    if (lan.length === 0) {
      assert.deepEqual(reply, { source: "loopbackOnly", origins: [server.url] });
    } else {
      assert.equal(reply.source, "lan");
      assert.deepEqual(
        reply.origins,
        lan.map((address) => `http://${address}:${server.port}`),
      );
      assert.ok(reply.origins.every((origin) => !origin.includes("127.0.0.1")));
    }
  });

  it("N1: PUBLIC_URL is the join origin", async () => {
    assert.deepEqual(await (await teacher(withPublicUrl.url)).ok("joinOrigins"), { source: "publicUrl", origins: ["https://class.example.kr"] });
  });

  it("only a logged-in instructor may ask", async () => {
    const { status } = await new ApiClient(server.url).call("joinOrigins");
    assert.equal(status, 401);
  });
});
