"use client";
// The pet's weight over time as a line chart (recharts). The table beside it carries the same numbers for
// screen readers and for copying, so the drawing itself is one labelled image.
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface WeightPoint {
  at: number;
  label: string;
  kg: number;
}

export function WeightChart({ points, label }: { points: WeightPoint[]; label: string }) {
  return (
    <div role="img" aria-label={label} className="h-60 w-full" data-testid="weight-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 480, height: 240 }}>
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: "#334155" }} />
          <YAxis domain={["auto", "auto"]} tick={{ fontSize: 12, fill: "#334155" }} width={64} unit=" kg" />
          <Tooltip formatter={(v) => [`${String(v)} kg`]} />
          <Line
            type="monotone"
            dataKey="kg"
            stroke="#0f766e"
            strokeWidth={2}
            dot={{ r: 3 }}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
