//! The few transcendental functions the charts need (angles of the donut, the axis' order of
//! magnitude, the hit test of a sector). In the browser they are the engine's own `Math.sin`
//! and friends: Rust's would add their argument-reduction code and tables (~6 KB) to the wasm
//! file. Pixel positions only: no figure is ever computed with them.

#[cfg(target_arch = "wasm32")]
mod imp {
    pub fn sin(x: f64) -> f64 {
        js_sys::Math::sin(x)
    }
    pub fn cos(x: f64) -> f64 {
        js_sys::Math::cos(x)
    }
    pub fn atan2(y: f64, x: f64) -> f64 {
        js_sys::Math::atan2(y, x)
    }
    pub fn log10(x: f64) -> f64 {
        js_sys::Math::log10(x)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn sin(x: f64) -> f64 {
        x.sin()
    }
    pub fn cos(x: f64) -> f64 {
        x.cos()
    }
    pub fn atan2(y: f64, x: f64) -> f64 {
        y.atan2(x)
    }
    pub fn log10(x: f64) -> f64 {
        x.log10()
    }
}

pub use imp::{atan2, cos, log10, sin};
