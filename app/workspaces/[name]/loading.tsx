import { AppHeader } from "@/components/app-header";
import { WorkspaceSkeleton } from "@/components/workspace/workspace-states";

export default function Loading() {
  return (
    <>
      <AppHeader />
      <main className="mx-auto max-w-6xl px-6 py-8">
        <WorkspaceSkeleton name="Workspace" />
      </main>
    </>
  );
}
