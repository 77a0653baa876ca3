#!/bin/sh
# two-monitors.sh PROGRAM [ARGS...]: runs a window test on an X server with two 1920x1080
# monitors side by side (Xorg's dummy driver; Xvfb gives GTK one monitor whatever xrandr says),
# then stops the server. Exits 77 (skipped) without Xorg, the dummy driver or xrandr, or when
# Xorg cannot start; otherwise with the program's status.
# Debian packages: xserver-xorg-core, xserver-xorg-video-dummy, x11-xserver-utils.
set -u

skip () {
  echo "two-monitors: skipped: $*" >&2
  exit 77
}

command -v Xorg >/dev/null 2>&1 || skip "no Xorg (xserver-xorg-core)"
command -v xrandr >/dev/null 2>&1 || skip "no xrandr (x11-xserver-utils)"
driver=
for file in /usr/lib/xorg/modules/drivers/dummy_drv.so /usr/lib/*/xorg/modules/drivers/dummy_drv.so; do
  [ -e "$file" ] && driver=$file
done
[ -n "$driver" ] || skip "no dummy video driver (xserver-xorg-video-dummy)"

dir=$(mktemp -d "${TMPDIR:-/tmp}/lgr-two-monitors-XXXXXX") || exit 1
xorg=
cleanup () {
  if [ -n "$xorg" ]; then
    kill "$xorg" 2>/dev/null
    wait "$xorg" 2>/dev/null
  fi
  rm -rf "$dir"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# Two 1920x1080 outputs fit the 3840x1080 frame buffer; no input device is taken from the
# machine (the test's events come through XTEST).
cat >"$dir/xorg.conf" <<'EOF'
Section "ServerFlags"
  Option "AutoAddDevices" "false"
EndSection
Section "Device"
  Identifier "dummy"
  Driver "dummy"
  VideoRam 256000
EndSection
Section "Monitor"
  Identifier "monitor"
  HorizSync 5.0-1000.0
  VertRefresh 5.0-200.0
  Modeline "1920x1080" 148.50 1920 2008 2052 2200 1080 1084 1089 1125 +hsync +vsync
EndSection
Section "Screen"
  Identifier "screen"
  Device "dummy"
  Monitor "monitor"
  DefaultDepth 24
  SubSection "Display"
    Depth 24
    Virtual 3840 1080
    Modes "1920x1080"
  EndSubSection
EndSection
EOF
mkdir "$dir/conf.d"

# -displayfd: Xorg picks a free display itself and writes its number once it accepts clients.
Xorg -displayfd 3 -config "$dir/xorg.conf" -configdir "$dir/conf.d" -noreset -nolisten tcp \
  -novtswitch -sharevts -logfile "$dir/Xorg.log" 3>"$dir/display" >/dev/null 2>&1 &
xorg=$!
for _ in $(seq 100); do
  [ -s "$dir/display" ] && break
  kill -0 "$xorg" 2>/dev/null || break
  sleep 0.1
done
if ! [ -s "$dir/display" ]; then
  tail -n 20 "$dir/Xorg.log" >&2 2>/dev/null
  skip "Xorg did not start"
fi
DISPLAY=:$(cat "$dir/display")
export DISPLAY

xrandr --addmode DUMMY1 1920x1080 &&
  xrandr --output DUMMY1 --mode 1920x1080 --right-of DUMMY0 || {
  echo "two-monitors: xrandr could not add the second output" >&2
  exit 1
}
xrandr --listmonitors >&2

"$@"
exit $?
