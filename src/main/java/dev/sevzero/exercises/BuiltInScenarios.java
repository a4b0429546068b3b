package dev.sevzero.exercises;

import java.util.List;
import java.util.Set;

/**
 * The scenarios a managed-cloud team rehearses when it has written none of its own ({@code
 * EXERCISE_SCENARIOS_FILE} replaces them). Each brief sets the scene as the responders would find
 * it; each checklist is what the team should be able to do, in order, for that failure.
 */
public final class BuiltInScenarios {

  private static final Set<ExerciseKind> BOTH = Set.of(ExerciseKind.TABLETOP, ExerciseKind.DR);
  private static final Set<ExerciseKind> TABLETOP = Set.of(ExerciseKind.TABLETOP);

  private BuiltInScenarios() {}

  public static ScenarioLibrary library() {
    return new ScenarioLibrary(
        List.of(
            new Scenario(
                "lb-failure",
                "Load balancer failure",
                BOTH,
                "At 14:05 the public load balancer in front of the web tier starts answering 502"
                    + " to half of all requests, then to all of them. The instances behind it are"
                    + " healthy when reached directly; the load balancer's own health checks show"
                    + " every target as unhealthy since a listener change deployed by Terraform at"
                    + " 14:02.",
                List.of(
                    "Confirm the impact from outside: synthetic checks and the error rate at the"
                        + " edge",
                    "Check the targets directly, bypassing the load balancer",
                    "Find the last change to the load balancer, listeners and target groups",
                    "Roll the change back, or fail traffic over to the standby load balancer",
                    "Watch the targets turn healthy and the 5xx rate return to normal",
                    "Tell stakeholders, and record the change that caused it")),
            new Scenario(
                "az-outage",
                "Availability zone outage",
                BOTH,
                "The cloud provider reports elevated errors in one availability zone. A third of"
                    + " the application instances stop answering, the database replica in that"
                    + " zone is unreachable, and autoscaling keeps launching new instances into"
                    + " the failing zone.",
                List.of(
                    "Confirm which zone is failing, from the provider's status page and our own"
                        + " metrics",
                    "Take the failing zone out of the load balancer and the autoscaling groups",
                    "Check that the remaining zones have the capacity for full traffic; scale"
                        + " out if not",
                    "Make sure the database primary and its failover target are outside the"
                        + " zone",
                    "Watch latency and error rates settle on the remaining zones",
                    "Plan the return to the zone once the provider reports it healthy")),
            new Scenario(
                "db-failover",
                "Database primary failover",
                BOTH,
                "The primary PostgreSQL instance stops accepting connections after its storage"
                    + " volume fails. Writes error everywhere; reads from the replicas still work."
                    + " The managed failover did not start on its own.",
                List.of(
                    "Confirm the primary is down and not just slow or out of connections",
                    "Check the replicas' lag to know how much data a promotion would lose",
                    "Promote the most up-to-date replica",
                    "Point the applications at the new primary (DNS or connection string) and"
                        + " restart the pools",
                    "Verify writes work end to end and measure the data lost (RPO)",
                    "Rebuild a replica so the database is redundant again",
                    "Record the recovery time (RTO) from the first error")),
            new Scenario(
                "expired-cert",
                "Expired TLS certificate",
                TABLETOP,
                "At midnight UTC the certificate of the public API expires. Browsers show a"
                    + " security warning, mobile apps fail their certificate checks, and partners'"
                    + " integrations start failing. The renewal job has been failing silently for"
                    + " three weeks.",
                List.of(
                    "Confirm which hostnames serve the expired certificate, and its expiry time",
                    "Issue or renew the certificate (ACME, or the provider's certificate manager)",
                    "Deploy it to every load balancer, CDN and ingress that serves it",
                    "Verify the chain from outside, including from a mobile client",
                    "Fix the renewal job and alert on its failure",
                    "List every other certificate and its expiry date")),
            new Scenario(
                "leaked-key",
                "Leaked cloud access key",
                TABLETOP,
                "A secret-scanning service reports that a cloud access key with administrator"
                    + " rights was pushed to a public repository 40 minutes ago. The key belongs"
                    + " to the deployment pipeline. The audit log shows calls from an unknown IP"
                    + " address listing storage buckets.",
                List.of(
                    "Deactivate the key at once, then issue a new one to the pipeline",
                    "Remove the key from the repository and its history",
                    "Search the audit log for every call made with the key since it leaked",
                    "Look for what an intruder may have left: new users, keys, roles, instances",
                    "Decide with security and legal whether anyone must be notified",
                    "Move the pipeline to short-lived credentials")),
            new Scenario(
                "deleted-bucket",
                "Deleted storage bucket",
                BOTH,
                "A clean-up script run against the wrong account deletes the storage bucket that"
                    + " holds customer uploads. The application shows broken images and uploads"
                    + " fail. Versioning was on; the bucket's replication to a second region was"
                    + " set up last year and has not been checked since.",
                List.of(
                    "Stop the script and anything else still deleting",
                    "Find what was lost: the bucket, its objects, and since when",
                    "Restore from the replica or the backups into a new bucket",
                    "Point the application at the restored bucket",
                    "Check a sample of restored objects and measure what was lost (RPO)",
                    "Protect buckets against deletion and scope the script's credentials")),
            new Scenario(
                "dns-mistake",
                "DNS mistake",
                TABLETOP,
                "A change to the DNS zone meant to move a marketing subdomain replaces the apex"
                    + " record instead. With a TTL of one hour, resolvers around the world start"
                    + " sending customers to a parked page; email delivery starts to fail too.",
                List.of(
                    "Confirm what resolvers see, from several networks",
                    "Find the change in the DNS provider's history",
                    "Restore the previous records",
                    "Wait out or shorten the TTLs, and tell customers meanwhile",
                    "Check email (MX, SPF, DKIM) and every other record the change touched",
                    "Put the zone under version control with review")),
            new Scenario(
                "region-outage",
                "Region outage",
                BOTH,
                "The whole primary cloud region becomes unreachable: the console, the APIs and all"
                    + " our instances in it. The provider gives no recovery time. The standby"
                    + " region has the database replica and last night's backups.",
                List.of(
                    "Declare the region lost and decide to fail over, with the IC",
                    "Promote the database in the standby region and measure the data lost",
                    "Bring the application up in the standby region from infrastructure code",
                    "Switch DNS and the CDN to the standby region",
                    "Verify the critical user journeys end to end",
                    "Tell customers, and record the recovery time (RTO)",
                    "Plan the return to the primary region"))));
  }
}
