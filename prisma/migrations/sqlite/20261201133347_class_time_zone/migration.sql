-- AlterTable (by hand: Prisma's table rebuild would cascade-delete the class's rows, see scripts/db.ts)
ALTER TABLE "Class" ADD COLUMN "timeZone" TEXT NOT NULL DEFAULT 'Asia/Seoul';
