/** The console's at-a-glance attendance: present / dropped / absent roster students, then guests. */
import assert from "node:assert/strict";
import { it } from "node:test";
import { countSeats, seatsOf } from "./attendance";

it("every roster student is present, dropped or absent; guests follow the roster", () => {
  const roster = [
    { id: "r1", name: "김민준" },
    { id: "r2", name: "박지호" },
    { id: "r3", name: "이서연" },
  ];
  const participants = [
    { id: "p3", displayName: "이서연", rosterStudentId: "r3", connected: false },
    { id: "g1", displayName: "손님", rosterStudentId: null, connected: true },
    { id: "p1", displayName: "김민준", rosterStudentId: "r1", connected: true },
  ];
  const seats = seatsOf(roster, participants);
  assert.deepEqual(
    seats.map((s) => [s.name, s.state, s.guest]),
    [
      ["김민준", "present", false],
      ["박지호", "absent", false],
      ["이서연", "dropped", false],
      ["손님", "present", true],
    ],
  );
  assert.equal(seats[1].participant, null);
  assert.deepEqual(countSeats(seats), { present: 2, dropped: 1, absent: 1 });
});
