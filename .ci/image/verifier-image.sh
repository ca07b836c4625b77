#!/usr/bin/env bash
# Builds the container image and runs it without a Docker daemon, as README « Image de conteneur » describes, on a
# machine that reaches no container registry: the Java 17 base image is made here from Debian's packages
# (debootstrap + openjdk-17-jre-headless), the image's layers are unpacked and started in a chroot as its user
# 10001:10001, against a PostgreSQL 15 of Debian's packages and a throw-away SMTP server, in production mode.
# Needs root, debootstrap, postgresql-15 and python3 (smtpd). Not part of CI (minutes, root); run by hand:
#   sudo .ci/image/verifier-image.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
TRAVAIL=${TRAVAIL:-/tmp/verifier-image}
PORT_PG=55433; PORT_SMTP=2525; PORT_APP=8099
mkdir -p "$TRAVAIL"

# 1. A Java 17 base image, as a docker-save tarball Jib accepts (tar://).
if [ ! -f "$TRAVAIL/base.tar" ]; then
  debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$TRAVAIL/rootfs-base" http://deb.debian.org/debian
  mkdir -p "$TRAVAIL/base" && tar -C "$TRAVAIL/rootfs-base" --exclude='./proc/*' --exclude='./sys/*' --exclude='./dev/*' -cf "$TRAVAIL/base/layer.tar" .
  python3 - "$TRAVAIL/base" <<'PY'
import hashlib, json, sys
d = sys.argv[1]
h = hashlib.sha256(open(d + '/layer.tar', 'rb').read()).hexdigest()
json.dump({"architecture": "amd64", "os": "linux",
           "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"]},
           "rootfs": {"type": "layers", "diff_ids": ["sha256:" + h]}}, open(d + '/config.json', 'w'))
json.dump([{"Config": "config.json", "RepoTags": ["base-jre17:local"], "Layers": ["layer.tar"]}], open(d + '/manifest.json', 'w'))
PY
  tar -C "$TRAVAIL/base" -cf "$TRAVAIL/base.tar" manifest.json config.json layer.tar
fi

# 2. The image, exactly as the README builds it, on that base.
./mvnw -B -ntp -q -DskipTests package jib:buildTar -Djib.from.image="tar://$TRAVAIL/base.tar"

# 3. Its layers unpacked, in order, and its configuration read.
rm -rf "$TRAVAIL/image" "$TRAVAIL/racine" && mkdir -p "$TRAVAIL/image" "$TRAVAIL/racine"
tar -C "$TRAVAIL/image" -xf target/fabriques-image.tar
python3 - "$TRAVAIL/image" > "$TRAVAIL/couches" <<'PY'
import json, sys
d = sys.argv[1]
m = json.load(open(d + '/blobs/sha256/' + json.load(open(d + '/index.json'))['manifests'][0]['digest'].split(':')[1]))
c = json.load(open(d + '/blobs/sha256/' + m['config']['digest'].split(':')[1]))['config']
assert c['User'] == '10001:10001', c['User']
assert any(e.startswith('FABRIQUES_MODE=production') for e in c['Env'])
for l in m['layers']:
    print(l['digest'].split(':')[1])
PY
while read -r couche; do tar -C "$TRAVAIL/racine" -xf "$TRAVAIL/image/blobs/sha256/$couche"; done < "$TRAVAIL/couches"
mkdir -p "$TRAVAIL/racine/proc" "$TRAVAIL/racine/dev"
mountpoint -q "$TRAVAIL/racine/proc" || mount -t proc proc "$TRAVAIL/racine/proc"
mountpoint -q "$TRAVAIL/racine/dev" || mount --bind /dev "$TRAVAIL/racine/dev"

# 4. An external PostgreSQL and an SMTP server.
rm -rf "$TRAVAIL/pg" && mkdir -p "$TRAVAIL/pg" && chown postgres "$TRAVAIL/pg"
su postgres -c "/usr/lib/postgresql/15/bin/initdb -D $TRAVAIL/pg/data -U postgres -A trust -E UTF8 >/dev/null"
su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $TRAVAIL/pg/data -o '-p $PORT_PG -k $TRAVAIL/pg -c listen_addresses=127.0.0.1' -l $TRAVAIL/pg/log -w start"
psql -h 127.0.0.1 -p $PORT_PG -U postgres -qc "create user fabriques password 'fabriques-essai'"
psql -h 127.0.0.1 -p $PORT_PG -U postgres -qc "create database fabriques owner fabriques"
python3 -W ignore -m smtpd -n -c DebuggingServer 127.0.0.1:$PORT_SMTP > "$TRAVAIL/smtp.log" 2>&1 &
SMTP=$!
arreter() { pkill -f jib-classpath-file || true; kill $SMTP || true; su postgres -c "/usr/lib/postgresql/15/bin/pg_ctl -D $TRAVAIL/pg/data stop" || true; }
trap arreter EXIT

# 5. The image's entry point, as its user, configured by the environment only.
ENV_IMAGE=$(python3 - "$TRAVAIL/image" <<'PY'
import json, sys, shlex
d = sys.argv[1]
m = json.load(open(d + '/blobs/sha256/' + json.load(open(d + '/index.json'))['manifests'][0]['digest'].split(':')[1]))
c = json.load(open(d + '/blobs/sha256/' + m['config']['digest'].split(':')[1]))['config']
print(' '.join(shlex.quote(e) for e in c['Env']))
PY
)
eval "chroot --userspec=10001:10001 $TRAVAIL/racine env -i $ENV_IMAGE PORT=$PORT_APP \
  FABRIQUES_ADMIN_ID=exploitation-fabriques FABRIQUES_ADMIN_PASSWORD=essai-image-2026 \
  SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:$PORT_PG/fabriques SPRING_DATASOURCE_USERNAME=fabriques SPRING_DATASOURCE_PASSWORD=fabriques-essai \
  SPRING_MAIL_HOST=127.0.0.1 SPRING_MAIL_PORT=$PORT_SMTP FABRIQUES_NOTIFICATIONS_EXPEDITEUR=fabriques@example.gouv.fr \
  FABRIQUES_NOTIFICATIONS_URLAPPLICATION=https://fabriques.example.gouv.fr \
  sh -c 'cd /app && exec java -cp @/app/jib-classpath-file fr.gouv.fabriques.FabriquesApplication'" > "$TRAVAIL/application.log" 2>&1 &
for i in $(seq 1 60); do
  if curl -fs "localhost:$PORT_APP/actuator/health/readiness" > /dev/null; then break; fi
  sleep 5
done
curl -fs "localhost:$PORT_APP/actuator/health/readiness"; echo
curl -fs "localhost:$PORT_APP/actuator/health/liveness"; echo
curl -fs -o /dev/null -u exploitation-fabriques:essai-image-2026 "localhost:$PORT_APP/api/agents/moi"
ps -o user= -C java | grep -qx 10001
grep -q '"niveau":"INFO"' "$TRAVAIL/application.log"
echo "Image vérifiée : production, utilisateur 10001, PostgreSQL et SMTP externes, sondes UP, journaux JSON."
