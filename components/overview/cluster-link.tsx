import Link from "next/link";

/** The address of a cluster's page; names are kubeconfig context names, so anything may need escaping. */
export const clusterHref = (name: string) => `/clusters/${encodeURIComponent(name)}`;

/** A cluster's name as a link to its page. */
export function ClusterLink({ name, className = "" }: { name: string; className?: string }) {
  return (
    <Link
      href={clusterHref(name)}
      className={`rounded-sm text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500 ${className}`}
    >
      {name}
    </Link>
  );
}
